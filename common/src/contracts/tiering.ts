// The endpoints of the tiering domain: one contract each (see ../contract.ts).
export {};
