// appspec-lint CLI: placeholder until the engine lands.
export {};
