// Mocha root hooks: what every test file needs before it runs.
import { initCrypto } from "../primitives/crypto/sr25519.js";

export const mochaHooks = {
  async beforeAll() {
    await initCrypto();
  },
};
