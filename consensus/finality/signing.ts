/**
 * Vote signatures: an ed25519 signature over the SCALE encoding of `(message, round: u64, set_id: u64)`,
 * `sp_consensus_grandpa::localized_payload`. Localizing by round and set id keeps a vote from being replayed
 * in another round or by a later authority set.
 */
import { concat } from "../../primitives/bytes.js";
import { ed25519Verify } from "../../primitives/crypto/ed25519.js";
import { u64 } from "../../primitives/schema.js";
import { Message, type SignedMessage } from "./messages.js";

/** A GRANDPA key: an ed25519 public key and a signer over raw bytes (a keystore's `gran` key). */
export interface GrandpaSigner {
  readonly publicKey: Uint8Array;
  sign(payload: Uint8Array): Uint8Array;
}

/** `localized_payload(round, set_id, message)`: the bytes a vote's signature covers. */
export function localizedPayload(round: bigint, setId: bigint, message: Message): Uint8Array {
  return concat(Message.enc(message), u64.enc(round), u64.enc(setId));
}

/** Signs `message` for `round` of set `setId`. */
export function signMessage(signer: GrandpaSigner, message: Message, round: bigint, setId: bigint): SignedMessage {
  return { message, signature: signer.sign(localizedPayload(round, setId, message)), id: signer.publicKey };
}

/** `check_message_signature`: whether `id` signed `message` for `round` of set `setId`. */
export function checkMessageSignature(message: Message, id: Uint8Array, signature: Uint8Array, round: bigint, setId: bigint): boolean {
  return ed25519Verify(signature, localizedPayload(round, setId, message), id);
}
