import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chainSpecFromJson, chainSpecToJson } from "../../genesis/chain-spec-json.js";
import { devSpec } from "../../genesis/chain-spec.js";
import { genesisBlock } from "../../genesis/genesis-state.js";
import { runtime } from "../../runtime/index.js";

const run = promisify(execFile);
const bin = path.resolve("bin/tfchain-ts.js");
const cli = (...args: string[]) => run(process.execPath, [bin, ...args], { encoding: "utf8" });
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

describe("node/cli", function () {
  this.timeout(60_000);

  it("key inspect //Alice prints Alice's well-known account", async () => {
    const { stdout } = await cli("key", "inspect", "//Alice");
    assert.match(stdout, /0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d/);
    assert.match(stdout, /SS58 Address:\s+5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY/);
  });

  it("key generate prints a 12-word phrase whose account key inspect agrees with", async () => {
    const { stdout } = await cli("key", "generate", "--output-type", "json");
    const gen = JSON.parse(stdout);
    assert.equal(gen.secretPhrase.split(" ").length, 12);
    const { stdout: again } = await cli("key", "inspect", gen.secretPhrase, "--output-type", "json");
    assert.equal(JSON.parse(again).accountId, gen.accountId);
  });

  it("build-spec --raw round-trips: a node given the file has the same genesis", async () => {
    const { stdout } = await cli("build-spec", "--dev", "--raw");
    const spec = chainSpecFromJson(JSON.parse(stdout));
    assert.equal(hex(genesisBlock(runtime, spec).hash), hex(genesisBlock(runtime, devSpec()).hash));
  });

  it("a plain chain spec reads back into the same genesis", () => {
    const plain = JSON.parse(JSON.stringify(chainSpecToJson(devSpec(), runtime, false)));
    assert.equal(hex(genesisBlock(runtime, chainSpecFromJson(plain)).hash), hex(genesisBlock(runtime, devSpec()).hash));
  });

  it("refuses an unknown flag with exit code 2 and names --help", async () => {
    await assert.rejects(cli("--no-such-flag"), (e: any) => e.code === 2 && /--help/.test(e.stderr));
  });

  it("refuses a malformed chain spec file with a clear error", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tfchain-spec-")), "bad.json");
    fs.writeFileSync(file, JSON.stringify({ name: "x", id: "x", genesis: { raw: { top: { "0xzz": "0x00" } } } }));
    await assert.rejects(cli("build-spec", "--chain", file), (e: any) => e.code === 2 && /raw key 0xzz must be 0x-prefixed hex/.test(e.stderr));
  });

  it("export-metadata prints the metadata as hex", async () => {
    const { stdout } = await cli("export-metadata");
    assert.match(stdout, /^0x6d657461/);
  });
});
