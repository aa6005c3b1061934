/** Who is calling, as established from the bearer token (or its absence). */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      /** Token `sub`: the user; for a citizen, their own CCCD. */
      subject: string;
      /** Token `agency`: the agency code the grants are issued to (absent for a citizen). */
      agency?: string;
      /** Token `scope`, split on spaces. */
      scopes: string[];
    };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Scope a citizen's token carries to read the access records about themself. */
export const CITIZEN_SCOPE = 'citizen';
