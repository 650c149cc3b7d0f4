// The endpoints of the assessment domain: one contract each (see ../contract.ts).
export {};
