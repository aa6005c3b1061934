// Grants: which agency may read which classification or fields, for which purposes, under which
// legal basis, until when. Stored in the registry's database, served to gateways by GET /grants.
export * from './grant';
export * from './grant.entity';
export * from './service';
export * from './router';
export * from './cli';
