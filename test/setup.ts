// Mocha root hooks: what every test file needs before it runs.
import { initCrypto } from "../primitives/crypto/wasm.js";

export const mochaHooks = {
  async beforeAll() {
    await initCrypto();
  },
};
