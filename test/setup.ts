// Mocha root hooks: what every test file needs before it runs.
import "../p2p/polyfill.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { killAll } from "./e2e/node-process.js";

export const mochaHooks = {
  async beforeAll() {
    await initCrypto();
  },
  // No node process outlives the test run.
  async afterAll() {
    await killAll();
  },
};
