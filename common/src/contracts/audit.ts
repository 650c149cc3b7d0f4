// The endpoints of the audit domain: one contract each (see ../contract.ts).
export {};
