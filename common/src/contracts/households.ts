// The endpoints of the households domain: one contract each (see ../contract.ts).
export {};
