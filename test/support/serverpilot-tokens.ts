// The ServerPilot resource types, as the engine names them in URNs.
export const SERVER = "hosting:serverpilot:Server";
export const SYSUSER = "hosting:serverpilot:SysUser";
export const APP = "hosting:serverpilot:App";
export const DATABASE = "hosting:serverpilot:Database";
