// The Northwind behaviours, barriers and metrics the embedding data names (titles as in demo-orgs.ts).
export const CONFIRM = "Customer confirmation before closing a ticket";
export const ROOT = "Root cause on the ticket within 24 h";
export const OWNER = "Named owner on every customer ticket within 4 h";
export const NOTICE = "Customer notice before a known incident reaches them";
export const NOTES = "Release notes in customer language";
export const FOLLOW = "Follow-up with the requesting customer after release";
export const CALLS = "Customer call notes before discovery sign-off";
export const PRICE = "Customer effect reviewed before a price change";
export const RESOLUTION = "Time to resolution experienced by the customer";
export const SUS = "Usability score (SUS)";
export const RETENTION = "Customer retention";
export const QUEUE = "Nobody owns the ticket queue";
export const REMINDER = "No reminder at the moment of closing";
export const MARKETING = "Release notes are seen as marketing's job";
