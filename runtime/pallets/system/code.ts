/**
 * Runtime upgrades: writing `:code` after FRAME's `can_set_code` checks, read from our code marker.
 */
import { decodeCodeMarker } from "../../code-marker.js";
import type { BlockContext } from "../../pallet.js";
import { depositLog } from "./block.js";
import { VERSION } from "./constants.js";
import { errors } from "./errors.js";
import { WELL_KNOWN_KEYS } from "./storage.js";

export function setCode(ctx: BlockContext, code: Uint8Array, check: boolean): void {
  if (check) {
    const next = decodeCodeMarker(code);
    if (!next) throw errors.error("FailedToExtractRuntimeVersion");
    errors.ensure(next.spec_name === VERSION.spec_name, "InvalidSpecName");
    errors.ensure(next.spec_version > VERSION.spec_version, "SpecVersionNeedsToIncrease");
  }
  ctx.io.set(WELL_KNOWN_KEYS.CODE, code);
  depositLog(ctx, { tag: "RuntimeEnvironmentUpdated", value: undefined });
  ctx.deposit("System", { tag: "CodeUpdated" });
}
