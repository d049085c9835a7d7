/**
 * Blocks as the node stores and serves them: a header and opaque extrinsics.
 *
 * Outside the runtime an extrinsic is `sp_runtime::OpaqueExtrinsic`: its bytes are not interpreted. We keep each
 * one as its full encoding (compact length prefix included), which is what `chain_getBlock` returns, what the
 * extrinsics root is computed over and what `decodeExtrinsic` takes.
 */
import * as scale from "scale-ts";
import { CodecError } from "./codec-error.js";
import { checkLengthPrefixed, readCompact } from "./compact.js";
import { ConsensusEngineId } from "./digest.js";
import { HeaderSchema, headerHash, type Header } from "./header.js";
import { bytes, newtype, option, schema, struct, tuple, vec, type Schema, type ValueOf } from "./schema.js";

const opaqueExtrinsicCodec = scale.createCodec(
  (encoded: Uint8Array) => {
    checkLengthPrefixed(encoded, "OpaqueExtrinsic");
    return encoded;
  },
  scale.createDecoder((view: any): Uint8Array => {
    const start = view.i;
    const { value: len, next } = readCompact(view, start, 32, "OpaqueExtrinsic");
    const end = next + Number(len);
    if (end > view.length) throw new CodecError({ code: "MALFORMED", what: "OpaqueExtrinsic", detail: "length past the end" });
    view.i = end;
    return new Uint8Array(view.buffer.slice(start, end));
  }),
);

/** `sp_runtime::OpaqueExtrinsic`, valued as the extrinsic's full encoding (length prefix included). */
export const OpaqueExtrinsic: Schema<Uint8Array> = schema(opaqueExtrinsicCodec, () => ({
  path: ["sp_runtime", "OpaqueExtrinsic"],
  params: [],
  def: { tag: "composite", fields: [{ type: bytes, typeName: "Vec<u8>" }] },
  docs: [],
}));

/** `sp_runtime::generic::block::Block<Header, OpaqueExtrinsic>`. */
export const Block = struct(
  { path: "sp_runtime::generic::block::Block", params: [{ name: "Header", type: HeaderSchema }, { name: "Extrinsic", type: OpaqueExtrinsic }] },
  { header: [HeaderSchema, "Header"], extrinsics: [vec(OpaqueExtrinsic), "Vec<Extrinsic>"] },
);
export type Block = { header: Header; extrinsics: Uint8Array[] };

/** `Justification`: a consensus engine id and its encoded justification (GRANDPA: `FRNK`). */
export const Justification = tuple(ConsensusEngineId, bytes);

/** `sp_runtime::Justifications`. */
export const Justifications = newtype({ path: "sp_runtime::Justifications" }, [vec(Justification), "Vec<Justification>"]);

/** `sp_runtime::generic::block::SignedBlock<Block>`: a block and its justifications, as `chain_getBlock` returns it. */
export const SignedBlock = struct(
  { path: "sp_runtime::generic::block::SignedBlock", params: [{ name: "Block", type: Block }] },
  { block: [Block, "Block"], justifications: [option(Justifications), "Option<Justifications>"] },
);
export type SignedBlock = ValueOf<typeof SignedBlock>;

/** The block hash: the hash of its header. */
export function blockHash(block: Block): Uint8Array {
  return headerHash(block.header);
}
