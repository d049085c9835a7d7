/**
 * Entities: named legal persons (a company, a farmer) with a country and city, registered for an account
 * that proves consent by signing name ‖ country ‖ city.
 */
import { equalBytes } from "../../../primitives/bytes.js";
import { ed25519Verify } from "../../../primitives/crypto/ed25519.js";
import { sr25519Verify } from "../../../primitives/crypto/sr25519.js";
import type { BlockContext } from "../../pallet.js";
import { emit, must } from "./common.js";
import { TFGRID_ENTITY_VERSION } from "./constants.js";
import { errors } from "./errors.js";
import { storage } from "./storage.js";
import type { Entity } from "./types.js";
import { checkCityName, checkCountryName } from "./validate.js";

type Bytes = Uint8Array;

/** The signature arrives as 128 hex characters. */
const SIGNATURE_HEX_LENGTH = 128;
const HEX = /^[0-9a-fA-F]*$/;

/**
 * Checks an entity signature (hex text) over `message` by `account`, read as an ed25519 or an sr25519 key.
 *
 * TFChain panics on a 128-character signature that is not hex (the extrinsic can never be included); we
 * answer `EntitySignatureDoesNotMatch` instead.
 */
export function verifyEntitySignature(signatureHex: Bytes, account: Bytes, message: Bytes): boolean {
  const text = Buffer.from(signatureHex).toString("latin1");
  if (text.length !== SIGNATURE_HEX_LENGTH || !HEX.test(text)) return false;
  const signature = Uint8Array.from(Buffer.from(text, "hex"));
  return ed25519Verify(signature, message, account) || sr25519Verify(signature, message, account);
}

export function createEntity(ctx: BlockContext, target: Bytes, name: Bytes, country: Bytes, city: Bytes, signature: Bytes): void {
  errors.ensure(!storage.EntityIdByName.contains(ctx.io, name), "EntityWithNameExists");
  errors.ensure(!storage.EntityIdByAccountID.contains(ctx.io, target), "EntityWithPubkeyExists");
  errors.ensure(signature.length === SIGNATURE_HEX_LENGTH, "SignatureLengthIsIncorrect");
  const message = new Uint8Array([...name, ...country, ...city]);
  errors.ensure(verifyEntitySignature(signature, target, message), "EntitySignatureDoesNotMatch");
  const id = storage.EntityID.get(ctx.io) + 1;
  checkCountryName(country);
  checkCityName(city);
  const entity: Entity = { version: TFGRID_ENTITY_VERSION, id, name, account_id: target, country, city };
  storage.Entities.set(ctx.io, id, entity);
  storage.EntityIdByName.set(ctx.io, name, id);
  storage.EntityIdByAccountID.set(ctx.io, target, id);
  storage.EntityID.set(ctx.io, id);
  emit(ctx, { tag: "EntityStored", value: [entity] });
}

function ownEntity(ctx: BlockContext, account: Bytes, mismatch: "CannotUpdateEntity" | "CannotDeleteEntity"): Entity {
  const id = must(storage.EntityIdByAccountID.get(ctx.io, account), "EntityNotExists");
  const entity = must(storage.Entities.get(ctx.io, id), "EntityNotExists");
  errors.ensure(equalBytes(entity.account_id, account), mismatch);
  return entity;
}

export function updateEntity(ctx: BlockContext, account: Bytes, name: Bytes, country: Bytes, city: Bytes): void {
  errors.ensure(!storage.EntityIdByName.contains(ctx.io, name), "EntityWithNameExists");
  const entity = ownEntity(ctx, account, "CannotUpdateEntity");
  storage.EntityIdByName.remove(ctx.io, entity.name);
  checkCountryName(country);
  checkCityName(city);
  const updated = { ...entity, name, country, city };
  storage.Entities.set(ctx.io, entity.id, updated);
  storage.EntityIdByName.set(ctx.io, name, entity.id);
  emit(ctx, { tag: "EntityUpdated", value: [updated] });
}

export function deleteEntity(ctx: BlockContext, account: Bytes): void {
  const entity = ownEntity(ctx, account, "CannotDeleteEntity");
  storage.Entities.remove(ctx.io, entity.id);
  storage.EntityIdByName.remove(ctx.io, entity.name);
  storage.EntityIdByAccountID.remove(ctx.io, account);
  emit(ctx, { tag: "EntityDeleted", value: [entity.id] });
}
