import { palletErrors } from "../../dispatch-error.js";

export const errors = palletErrors("Utility", {
  TooManyCalls: "Too many calls batched.",
});
