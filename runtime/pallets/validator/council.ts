/**
 * The Council membership pallet-validator works with (`pallet_membership::Instance1`, `CouncilMembership`):
 * who may approve requests, and where approved validators are added.
 *
 * TFChain's runtime has the Council at index 40 and CouncilMembership at 41; tfchain-ts does not have them
 * yet. Until it does, `councilMembershipStandIn` keeps the same `CouncilMembership::Members` entry
 * (a sorted list of accounts) with pallet_membership's add/remove rules and its error indices, but emits no
 * `MemberAdded`/`MemberRemoved` event and does not update `Council::Members`.
 * TODO(Council): replace it with the CouncilMembership pallet once the Council lands.
 */
import { AccountId32 } from "../../../primitives/account.js";
import { boundedVec } from "../../../primitives/schema.js";
import type { StorageReader } from "../../../state/storage.js";
import { fail } from "../../dispatch-error.js";
import type { BlockContext } from "../../pallet.js";
import { palletStorage, value } from "../../storage-item.js";

/** What pallet-validator needs from the Council's membership. */
export interface CouncilMembership {
  members(io: StorageReader): Uint8Array[];
  /** `add_member` as Root: `AlreadyMember` if present. */
  addMember(ctx: BlockContext, who: Uint8Array): void;
  /** `remove_member` as Root: `NotMember` if absent. */
  removeMember(ctx: BlockContext, who: Uint8Array): void;
}

/** TFChain's `CouncilMaxMembers`. */
const MAX_MEMBERS = 100;
/** `CouncilMembership`'s index in TFChain's runtime, for its errors. */
const COUNCIL_MEMBERSHIP_INDEX = 41;
const MEMBERSHIP_ERRORS = { AlreadyMember: 0, NotMember: 1, TooManyMembers: 2 } as const;

export const councilMembershipStorage = palletStorage("CouncilMembership", {
  Members: value(boundedVec(AccountId32, MAX_MEMBERS), { default: [] }),
});

function membershipError(name: keyof typeof MEMBERSHIP_ERRORS): never {
  fail({ tag: "Module", value: { index: COUNCIL_MEMBERSHIP_INDEX, error: new Uint8Array([MEMBERSHIP_ERRORS[name], 0, 0, 0]) } });
}

// `binary_search` over the sorted members: where `who` is, or where it would go.
function search(members: readonly Uint8Array[], who: Uint8Array): { found: boolean; at: number } {
  let lo = 0;
  let hi = members.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = Buffer.compare(Buffer.from(members[mid]!), Buffer.from(who));
    if (c === 0) return { found: true, at: mid };
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return { found: false, at: lo };
}

export const councilMembershipStandIn: CouncilMembership = {
  members: (io) => councilMembershipStorage.Members.get(io),
  addMember(ctx, who) {
    const members = councilMembershipStorage.Members.get(ctx.io);
    const { found, at } = search(members, who);
    if (found) membershipError("AlreadyMember");
    if (members.length >= MAX_MEMBERS) membershipError("TooManyMembers");
    councilMembershipStorage.Members.set(ctx.io, [...members.slice(0, at), who, ...members.slice(at)]);
  },
  removeMember(ctx, who) {
    const members = councilMembershipStorage.Members.get(ctx.io);
    const { found, at } = search(members, who);
    if (!found) membershipError("NotMember");
    councilMembershipStorage.Members.set(ctx.io, [...members.slice(0, at), ...members.slice(at + 1)]);
  },
};
