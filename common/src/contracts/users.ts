// The endpoints of the users domain: one contract each (see ../contract.ts).
export {};
