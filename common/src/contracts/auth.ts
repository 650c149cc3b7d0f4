// The endpoints of the auth domain: one contract each (see ../contract.ts).
export {};
