/**
 * Stage 5: what execution produced must be what the header declares (`Executive::final_checks`): the same
 * digest items, the same extrinsics root, the same state root.
 */
import { equalBytes, toHex } from "../../primitives/bytes.js";
import { DigestItem } from "../../primitives/digest.js";
import type { Header } from "../../primitives/header.js";
import { vec } from "../../primitives/schema.js";
import type { Execution } from "./execute.js";
import { ImportError } from "./import-error.js";

const Logs = vec(DigestItem);

export function checkDigest(preHeader: Header, exec: Execution, hex: string): void {
  const declared = preHeader.digest.logs;
  if (declared.length !== exec.logs.length) {
    throw new ImportError({ code: "DIGEST_MISMATCH", hash: hex, detail: `${declared.length} items, execution gives ${exec.logs.length}` });
  }
  if (!equalBytes(Logs.enc(declared), Logs.enc(exec.logs))) {
    throw new ImportError({ code: "DIGEST_MISMATCH", hash: hex, detail: "an item differs" });
  }
}

export function checkExtrinsicsRoot(preHeader: Header, exec: Execution, hex: string): void {
  if (!equalBytes(preHeader.extrinsicsRoot, exec.extrinsicsRoot)) {
    throw new ImportError({ code: "EXTRINSICS_ROOT_MISMATCH", hash: hex, expected: toHex(preHeader.extrinsicsRoot), got: toHex(exec.extrinsicsRoot) });
  }
}

export function checkStateRoot(header: Header, stateRoot: Uint8Array, hex: string): void {
  if (!equalBytes(header.stateRoot, stateRoot)) {
    throw new ImportError({ code: "STATE_ROOT_MISMATCH", hash: hex, expected: toHex(header.stateRoot), got: toHex(stateRoot) });
  }
}
