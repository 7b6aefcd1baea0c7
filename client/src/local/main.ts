// Standalone local CodeDeploy endpoint: placeholder until it lands.
export {};
