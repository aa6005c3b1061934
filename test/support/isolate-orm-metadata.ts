// MikroORM keeps entity metadata on globalThis. When jest runs a test file in the same process
// as the global setup (one file, or --runInBand), that storage was created in another realm and
// MikroORM.init fails with "Map.prototype.set called on incompatible receiver". Each test file
// starts from an empty storage instead.
delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
