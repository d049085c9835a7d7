/**
 * `npm run bench`: every benchmark in one process, one table each. Figures go in bench/README.md.
 */
import { initCrypto } from "../primitives/crypto/wasm.js";
import { benchBilling } from "./billing.js";
import { benchBlockExecution } from "./block-execution.js";
import { benchContracts } from "./contracts.js";
import { benchHashing } from "./hashing.js";
import { benchImport } from "./import.js";
import { benchNode } from "./node.js";
import { benchRegistry } from "./registry.js";
import { benchReputation } from "./reputation.js";
import { benchSignatures } from "./signatures.js";
import { benchRpc } from "./rpc.js";
import { benchStateDb } from "./state-db.js";
import { benchTrie } from "./trie.js";
import { benchTxPool } from "./txpool.js";

await initCrypto();
const benches: [string, () => Promise<Record<string, number>>][] = [
  ["signature verification (per second)", benchSignatures],
  ["hashing (per second)", benchHashing],
  ["block execution", benchBlockExecution],
  ["block authoring and import", benchImport],
  ["trie", benchTrie],
  ["transaction pool admission", benchTxPool],
  ["LevelDB state commit", benchStateDb],
  ["RPC server", benchRpc],
  ["node process", benchNode],
  ["grid registry: 3Nodes registering capacity", benchRegistry],
  ["contract creation", benchContracts],
  ["contract billing", benchBilling],
  ["reputation registry", benchReputation],
];
const only = process.argv[2];
for (const [name, run] of benches) {
  if (only && !name.includes(only)) continue;
  console.log(`\n## ${name}`);
  console.table(await run());
}
