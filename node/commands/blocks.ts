/**
 * `export-blocks` and `import-blocks`: blocks to a file and back through the one import pipeline.
 *
 * Binary (`--binary`) is Substrate's: the block count as u64, then each `SignedBlock` in SCALE. JSON (default)
 * is one `chain_getBlock`-shaped object per line.
 */
import fs from "node:fs";
import path from "node:path";
import { Chain } from "../../consensus/index.js";
import { SignatureVerifier } from "../../txpool/signature-workers.js";
import { SIGNATURE_WORKERS } from "../../txpool/options.js";
import { Justifications, SignedBlock } from "../../primitives/block.js";
import { DigestItem } from "../../primitives/digest.js";
import type { Header } from "../../primitives/header.js";
import { decodePrefix, u64 } from "../../primitives/schema.js";
import { signedBlockJson } from "../../rpc/json.js";
import { CliError, intFlag, parseFlags, stringFlag, type FlagTable } from "../cli/flags.js";
import { AUTHORING_FLAGS } from "../cli/authoring.js";
import { SHARED_FLAGS } from "../cli/shared.js";
import { defaultBasePath, loadChainSpec } from "../config.js";

export const BLOCKS_FLAGS: FlagTable = {
  from: { type: "string", value: "<N>", default: "1", help: "export-blocks: first block" },
  to: { type: "string", value: "<N>", help: "export-blocks: last block (default: best)" },
  binary: { type: "boolean", help: "SCALE instead of JSON" },
};

async function openChain(argv: string[]) {
  const { flags, positionals } = parseFlags(argv, [SHARED_FLAGS, BLOCKS_FLAGS, { pruning: AUTHORING_FLAGS.pruning! }], true);
  const spec = loadChainSpec(stringFlag(flags, "chain") ?? (flags.dev ? "dev" : "local"));
  const basePath = stringFlag(flags, "base-path") ?? defaultBasePath();
  // import-blocks checks signatures on worker threads while it executes, as the node does.
  const verifier = new SignatureVerifier(SIGNATURE_WORKERS);
  const chain = await Chain.open({ spec, dbPath: path.join(basePath, "chains", spec.id, "db") }, { signatureVerifier: verifier }).catch(async (e) => {
    await verifier.close();
    throw e;
  });
  const close = async () => {
    await chain.close();
    await verifier.close();
  };
  return { chain, close, flags, file: positionals[0] };
}

export async function exportBlocksCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { chain, close, flags, file } = await openChain(argv);
  try {
    const from = intFlag(flags, "from")!;
    const to = intFlag(flags, "to") ?? chain.best().number;
    if (from > to) throw new CliError(`--from ${from} is past --to ${to}`);
    const fd = file ? fs.openSync(file, "w") : 1;
    const write = (b: Uint8Array | string) => (typeof b === "string" ? fs.writeSync(fd, b) : fs.writeSync(fd, b));
    if (flags.binary) write(u64.enc(BigInt(to - from + 1)));
    for (let n = from; n <= to; n++) {
      const hash = await chain.hashAt(n);
      if (!hash) throw new CliError(`block #${n} is not in the database`);
      const header = (await chain.header(hash))!;
      const extrinsics = (await chain.body(hash))!;
      const justifications = await chain.justifications(hash);
      if (flags.binary) write(SignedBlock.enc({ block: { header, extrinsics }, justifications: justifications ? Justifications.dec(justifications) : undefined }));
      else write(JSON.stringify(signedBlockJson(header, extrinsics, justifications)) + "\n");
    }
    if (file) fs.closeSync(fd);
    if (file) out(`Exported blocks #${from}..#${to} to ${file}\n`);
    return 0;
  } finally {
    await close();
  }
}

export async function importBlocksCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { chain, close, flags, file } = await openChain(argv);
  try {
    const data = fs.readFileSync(file ?? 0);
    const blocks = flags.binary ? readBinary(data) : readJson(data.toString("utf8"));
    let imported = 0;
    for (const { header, extrinsics, justifications } of blocks) {
      await chain.importBlock({ header, extrinsics }, { origin: "file", justification: justifications });
      imported++;
    }
    const best = chain.best();
    out(`🎉 Imported ${imported} blocks. Best: #${best.number} (0x${Buffer.from(best.hash).toString("hex")})\n`);
    return 0;
  } finally {
    await close();
  }
}

interface FileBlock {
  header: Header;
  extrinsics: Uint8Array[];
  justifications?: Uint8Array;
}

function* readBinary(data: Uint8Array): Generator<FileBlock> {
  if (data.length < 8) throw new CliError("the file is too short for a binary block export");
  const count = Number(u64.dec(data.subarray(0, 8)));
  // SignedBlocks are concatenated without lengths: each decode says how far it went.
  let at = 8;
  for (let i = 0; i < count; i++) {
    const { value, next } = decodeAt(data, at);
    at = next;
    yield { header: value.block.header, extrinsics: value.block.extrinsics, justifications: value.justifications ? Justifications.enc(value.justifications) : undefined };
  }
}

function decodeAt(data: Uint8Array, at: number): { value: ReturnType<typeof SignedBlock.dec>; next: number } {
  try {
    const { value, length } = decodePrefix(SignedBlock.codec, data.subarray(at), "SignedBlock");
    return { value, next: at + length };
  } catch (e) {
    throw new CliError(`the block ${at} bytes into the file does not decode: ${(e as Error).message}`);
  }
}

function* readJson(text: string): Generator<FileBlock> {
  const bytes = (h: string) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ""), "hex"));
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let j;
    try {
      j = JSON.parse(line);
    } catch {
      throw new CliError(`line ${i + 1} is not JSON`);
    }
    const h = j.block.header;
    const header: Header = {
      parentHash: bytes(h.parentHash),
      number: Number(h.number),
      stateRoot: bytes(h.stateRoot),
      extrinsicsRoot: bytes(h.extrinsicsRoot),
      digest: { logs: h.digest.logs.map((l: string) => DigestItem.dec(bytes(l))) },
    };
    const justifications = j.justifications
      ? Justifications.enc(j.justifications.map(([e, d]: [number[], number[]]) => [Uint8Array.from(e), Uint8Array.from(d)]))
      : undefined;
    yield { header, extrinsics: j.block.extrinsics.map(bytes), justifications };
  }
}

