// The endpoints of the assistance domain: one contract each (see ../contract.ts).
export {};
