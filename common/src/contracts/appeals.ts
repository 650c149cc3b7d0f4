// The endpoints of the appeals domain: one contract each (see ../contract.ts).
export {};
