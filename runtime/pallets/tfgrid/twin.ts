/**
 * Twins (the 3Bot phonebook): terms and conditions first, one twin per account with an optional relay and
 * public key, entity claims, and accounts bonded to a twin.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import type { BlockContext } from "../../pallet.js";
import { emit, must, nowSeconds, twinIdOf } from "./common.js";
import { verifyEntitySignature } from "./entity.js";
import { errors } from "./errors.js";
import { storage } from "./storage.js";
import type { Twin } from "./types.js";
import { checkTermsAndConditions, isValidRelay } from "./validate.js";

type Bytes = Uint8Array;

/** Records the account's acceptance of a terms-and-conditions document (no event, as TFChain). */
export function userAcceptTc(ctx: BlockContext, account: Bytes, link: Bytes, hash: Bytes): void {
  checkTermsAndConditions(link, hash);
  const accepted = storage.UsersTermsAndConditions.get(ctx.io, account) ?? [];
  const entry = { account_id: account, timestamp: nowSeconds(ctx), document_link: link, document_hash: hash };
  storage.UsersTermsAndConditions.set(ctx.io, account, [...accepted, entry]);
}

function checkRelay(relay: Bytes | undefined): void {
  if (relay !== undefined) errors.ensure(isValidRelay(relay), "InvalidRelayAddress");
}

export function createTwin(ctx: BlockContext, account: Bytes, relay: Bytes | undefined, pk: Bytes | undefined): void {
  errors.ensure(storage.UsersTermsAndConditions.contains(ctx.io, account), "UserDidNotSignTermsAndConditions");
  errors.ensure(!storage.TwinIdByAccountID.contains(ctx.io, account), "TwinWithPubkeyExists");
  checkRelay(relay);
  const id = storage.TwinID.get(ctx.io) + 1;
  const twin: Twin = { id, account_id: account, relay, entities: [], pk };
  storage.Twins.set(ctx.io, id, twin);
  storage.TwinID.set(ctx.io, id);
  storage.TwinIdByAccountID.set(ctx.io, account, id);
  emit(ctx, { tag: "TwinStored", value: [twin] });
}

function getTwin(ctx: BlockContext, twinId: number): Twin {
  const twin = must(storage.Twins.get(ctx.io, twinId), "TwinNotExists");
  return twin;
}

export function updateTwin(ctx: BlockContext, account: Bytes, relay: Bytes | undefined, pk: Bytes | undefined): void {
  const twin = getTwin(ctx, twinIdOf(ctx, account));
  errors.ensure(equalBytes(twin.account_id, account), "UnauthorizedToUpdateTwin");
  checkRelay(relay);
  const updated = { ...twin, relay, pk };
  storage.Twins.set(ctx.io, twin.id, updated);
  emit(ctx, { tag: "TwinUpdated", value: [updated] });
}

/**
 * The twin's owner attaches an entity, proven by the entity's signature (hex text) over
 * entity_id ‖ twin_id, both big-endian u32.
 */
export function addTwinEntity(ctx: BlockContext, account: Bytes, twinId: number, entityId: number, signature: Bytes): void {
  const entity = must(storage.Entities.get(ctx.io, entityId), "EntityNotExists");
  const twin = getTwin(ctx, twinId);
  errors.ensure(equalBytes(twin.account_id, account), "UnauthorizedToUpdateTwin");
  const known = twin.entities.some((p) => p.entity_id === entityId && equalBytes(p.signature, signature));
  errors.ensure(!known, "EntityWithSignatureAlreadyExists");
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, entityId);
  view.setUint32(4, twinId);
  errors.ensure(verifyEntitySignature(signature, entity.account_id, message), "EntitySignatureDoesNotMatch");
  const updated = { ...twin, entities: [...twin.entities, { entity_id: entityId, signature }] };
  storage.Twins.set(ctx.io, twinId, updated);
  emit(ctx, { tag: "TwinEntityStored", value: [twinId, entityId, signature] });
}

export function deleteTwinEntity(ctx: BlockContext, account: Bytes, twinId: number, entityId: number): void {
  const twin = getTwin(ctx, twinId);
  errors.ensure(equalBytes(twin.account_id, account), "UnauthorizedToUpdateTwin");
  const index = twin.entities.findIndex((p) => p.entity_id === entityId);
  errors.ensure(index >= 0, "EntityNotExists");
  storage.Twins.set(ctx.io, twinId, { ...twin, entities: twin.entities.filter((_, i) => i !== index) });
  emit(ctx, { tag: "TwinEntityRemoved", value: [twinId, entityId] });
}

/** Bonds the calling account to a twin (another account than the twin's own); any account may bond. */
export function bondTwinAccount(ctx: BlockContext, account: Bytes, twinId: number): void {
  const twin = getTwin(ctx, twinId);
  errors.ensure(!equalBytes(twin.account_id, account), "TwinCannotBoundToItself");
  storage.TwinBoundedAccountID.set(ctx.io, twinId, account);
  emit(ctx, { tag: "TwinAccountBounded", value: [twinId, account] });
}
