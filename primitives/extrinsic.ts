/**
 * Extrinsics in format v4 (`sp_runtime::generic::UncheckedExtrinsic`), with the call kept as raw bytes.
 *
 * Wire form: `Compact<u32> length ‖ version ‖ [address ‖ signature ‖ extra] ‖ call`. The version byte is
 * `0x84` for a signed extrinsic (bit 7 set, format 4) and `0x04` for an unsigned one (inherents). The signer
 * signs `call ‖ extra ‖ additionalSigned`, or blake2_256 of it when it is longer than 256 bytes.
 *
 * Only the runtime knows `RuntimeCall`, so decoding stops at the call: the bytes after the extra are the call,
 * and the runtime decodes them (and must consume them all, as `UncheckedExtrinsic::decode` does).
 */
import * as scale from "scale-ts";
import { addressAccount, MultiAddress } from "./account.js";
import { concat } from "./bytes.js";
import { CodecError } from "./codec-error.js";
import { checkLengthPrefixed, compactU128Strict, compactU32Strict, encodeCompact } from "./compact.js";
import type { KeyPair } from "./crypto/keyring.js";
import { verifyMultiSignature } from "./crypto/multi-signature.js";
import { EraSchema } from "./era.js";
import { blake2_256 } from "./hashing.js";
import { bytes, schema, type AnySchema, type Schema } from "./schema.js";
import { MultiSignature } from "./signature.js";
import { AdditionalSignedSchema, SignedExtraSchema, type AdditionalSigned, type SignedExtra } from "./signed-extensions.js";

export type { AdditionalSigned, SignedExtra } from "./signed-extensions.js";

/** The extrinsic format version TFChain 2.9 speaks. */
export const EXTRINSIC_FORMAT_VERSION = 4;
const SIGNED_BIT = 0x80;

/** The sender's part of a signed extrinsic. */
export interface ExtrinsicSignature extends SignedExtra {
  address: MultiAddress;
  signature: MultiSignature;
}

/** A decoded extrinsic: its signature part if signed, its call bytes, and its full encoding. */
export interface Extrinsic {
  signed?: ExtrinsicSignature;
  /** The SCALE-encoded `RuntimeCall`: pallet index, call index, arguments. */
  call: Uint8Array;
  /** The whole extrinsic as on the wire, length prefix included: what the extrinsic hash is taken over. */
  encoded: Uint8Array;
}

const extraCodec = scale.Tuple(EraSchema.codec, compactU32Strict, compactU128Strict);

function decodeBody(body: Uint8Array): Omit<Extrinsic, "encoded"> {
  if (body.length === 0) throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: "empty body" });
  const version = body[0]!;
  if ((version & ~SIGNED_BIT) !== EXTRINSIC_FORMAT_VERSION) {
    throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: `invalid transaction version 0x${version.toString(16).padStart(2, "0")}: only format 4 (0x04 unsigned, 0x84 signed) is supported` });
  }
  let signed: ExtrinsicSignature | undefined;
  let callStart = 1;
  if (version & SIGNED_BIT) {
    const read = scale.createDecoder((view: any) => {
      view.i = 1;
      const address = MultiAddress.codec.dec(view);
      const signature = MultiSignature.codec.dec(view);
      const [era, nonce, tip] = extraCodec.dec(view);
      if (view.i > view.length) throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: "input too short" });
      callStart = view.i;
      return { address, signature, era, nonce, tip };
    });
    try {
      signed = read(body);
    } catch (e) {
      if (e instanceof CodecError) throw e;
      throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: (e as Error).message });
    }
  }
  if (callStart >= body.length) throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: "missing call" });
  return signed ? { signed, call: body.slice(callStart) } : { call: body.slice(callStart) };
}

/**
 * Decodes one whole extrinsic (length prefix included), as found in a block body or submitted to the pool.
 *
 * Throws a `CodecError` on a length prefix that does not match, an unsupported version byte, or a malformed
 * address, signature or extra. The call is not decoded.
 */
export function decodeExtrinsic(encoded: Uint8Array): Extrinsic {
  const bodyStart = checkLengthPrefixed(encoded, "UncheckedExtrinsic");
  const body = encoded.slice(bodyStart);
  const owned = encoded.slice();
  return { ...decodeBody(body), encoded: owned };
}

/** Encodes an extrinsic with its length prefix; a given `encoded` field is ignored. */
export function encodeExtrinsic(xt: { signed?: ExtrinsicSignature; call: Uint8Array }): Uint8Array {
  const parts: Uint8Array[] = [];
  if (xt.signed) {
    const s = xt.signed;
    parts.push(Uint8Array.of(EXTRINSIC_FORMAT_VERSION | SIGNED_BIT), MultiAddress.enc(s.address), MultiSignature.enc(s.signature), encodeExtra(s));
  } else {
    parts.push(Uint8Array.of(EXTRINSIC_FORMAT_VERSION));
  }
  parts.push(xt.call);
  const bodyLength = parts.reduce((n, p) => n + p.length, 0);
  return concat(encodeCompact(bodyLength), ...parts);
}

/** The extra bytes a signed extrinsic carries: `era ‖ Compact nonce ‖ Compact tip`. */
export function encodeExtra(extra: SignedExtra): Uint8Array {
  return extraCodec.enc([extra.era, extra.nonce, extra.tip]);
}

/** The additional-signed bytes: `spec_version ‖ tx_version ‖ genesis hash ‖ birth hash`. */
export function encodeAdditionalSigned(additional: AdditionalSigned): Uint8Array {
  return AdditionalSignedSchema.enc(additional);
}

/**
 * The bytes a signer signs: `call ‖ extra ‖ additionalSigned`, replaced by its blake2_256 when longer than 256
 * bytes (`SignedPayload::using_encoded`).
 */
export function signingPayload(call: Uint8Array, extra: SignedExtra, additional: AdditionalSigned): Uint8Array {
  const payload = encodeSignedPayload(call, extra, additional);
  return payload.length > 256 ? blake2_256(payload) : payload;
}

/** `SignedPayload`'s encoding before the long-payload rule: `call ‖ extra ‖ additionalSigned`. */
export function encodeSignedPayload(call: Uint8Array, extra: SignedExtra, additional: AdditionalSigned): Uint8Array {
  return concat(call, encodeExtra(extra), encodeAdditionalSigned(additional));
}

export type SignatureCheck =
  | { ok: true; signer: Uint8Array }
  /** `UNSIGNED`: nothing to check. `CANNOT_LOOKUP`: the address is not `MultiAddress::Id`. `BAD_PROOF`: the signature does not verify. */
  | { ok: false; error: "UNSIGNED" | "CANNOT_LOOKUP" | "BAD_PROOF" };

/**
 * Resolves the sender and checks the signature as `UncheckedExtrinsic::check` does.
 *
 * TFChain's `Lookup` is `AccountIdLookup`, which resolves only `MultiAddress::Id`; any other address fails the
 * lookup before the signature is looked at (`UnknownTransaction::CannotLookup`). A wrong signature is
 * `InvalidTransaction::BadProof`.
 */
export function checkExtrinsicSignature(xt: Pick<Extrinsic, "signed" | "call">, additional: AdditionalSigned): SignatureCheck {
  if (!xt.signed) return { ok: false, error: "UNSIGNED" };
  const signer = addressAccount(xt.signed.address);
  if (!signer) return { ok: false, error: "CANNOT_LOOKUP" };
  const payload = signingPayload(xt.call, xt.signed, additional);
  return verifyMultiSignature(xt.signed.signature, payload, signer) ? { ok: true, signer } : { ok: false, error: "BAD_PROOF" };
}

/** Whether a signed extrinsic's signature is valid for its `MultiAddress::Id` sender; false for anything else. */
export function verifyExtrinsicSignature(xt: Pick<Extrinsic, "signed" | "call">, additional: AdditionalSigned): boolean {
  return checkExtrinsicSignature(xt, additional).ok;
}

/** What signing needs of a keyring `KeyPair`: its scheme, its account id and a signer over raw bytes. */
export type ExtrinsicSigner = Pick<KeyPair, "scheme" | "accountId" | "sign">;

const SIGNATURE_TAG = { sr25519: "Sr25519", ed25519: "Ed25519", ecdsa: "Ecdsa" } as const;

/** Builds and signs an extrinsic for `call` (dev tooling and tests); the address is `MultiAddress::Id`. */
export function signExtrinsic(call: Uint8Array, signer: ExtrinsicSigner, extra: SignedExtra, additional: AdditionalSigned): Extrinsic {
  const signature: MultiSignature = { tag: SIGNATURE_TAG[signer.scheme], value: signer.sign(signingPayload(call, extra, additional)) };
  const signed: ExtrinsicSignature = { address: { tag: "Id", value: signer.accountId }, signature, era: extra.era, nonce: extra.nonce, tip: extra.tip };
  return { signed, call: call.slice(), encoded: encodeExtrinsic({ signed, call }) };
}

/** An unsigned extrinsic (inherent) for `call`. */
export function unsignedExtrinsic(call: Uint8Array): Extrinsic {
  return { call: call.slice(), encoded: encodeExtrinsic({ call }) };
}

/** The extrinsic hash the pool and RPC use: blake2_256 of the full encoding. */
export function extrinsicHash(encoded: Uint8Array): Uint8Array {
  return blake2_256(encoded);
}

const extrinsicCodec = scale.createCodec(
  (xt: Extrinsic) => encodeExtrinsic(xt),
  scale.createDecoder((view: any): Extrinsic => {
    const start = view.i;
    const bodyStart = compactLength(view);
    const end = view.i;
    return { ...decodeBody(new Uint8Array(view.buffer.slice(bodyStart, end))), encoded: new Uint8Array(view.buffer.slice(start, end)) };
  }),
);

// Advances `view.i` past one length-prefixed item and returns where its body starts.
function compactLength(view: any): number {
  const len = compactU32Strict.dec(view);
  const bodyStart = view.i;
  if (bodyStart + len > view.length) throw new CodecError({ code: "MALFORMED", what: "UncheckedExtrinsic", detail: "length past the end" });
  view.i = bodyStart + len;
  return bodyStart;
}

const schemaByCall = new WeakMap<AnySchema, Schema<Extrinsic>>();

/**
 * `sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic<MultiAddress, Call, MultiSignature, SignedExtra>`
 * for the runtime's call schema: the metadata's `extrinsic.type`.
 *
 * Its codec is the raw one above (the call stays bytes); `callSchema` only names the `Call` type argument. As
 * in Rust's `TypeInfo`, the type is a composite of one `Vec<u8>`: the opaque, length-prefixed encoding.
 */
export function uncheckedExtrinsicSchema(callSchema: AnySchema): Schema<Extrinsic> {
  let s = schemaByCall.get(callSchema);
  if (!s) {
    s = schema(extrinsicCodec, () => ({
      path: ["sp_runtime", "generic", "unchecked_extrinsic", "UncheckedExtrinsic"],
      params: [
        { name: "Address", type: MultiAddress },
        { name: "Call", type: callSchema },
        { name: "Signature", type: MultiSignature },
        { name: "Extra", type: SignedExtraSchema },
      ],
      def: { tag: "composite", fields: [{ type: bytes }] },
      docs: [],
    }));
    schemaByCall.set(callSchema, s);
  }
  return s;
}

