-- Auth server completeness (issue 6): signing-key rotation, remembered consent, single-use codes and refresh tokens.

-- Several keys per purpose: the newest signing key signs, the older ones stay published in the JWKS and accepted until
-- the tokens they signed have expired, then they are deleted. The key id becomes the row's identity.
ALTER TABLE engine_meta.signing_keys DROP CONSTRAINT signing_keys_pkey;
ALTER TABLE engine_meta.signing_keys ADD CONSTRAINT signing_keys_pkey PRIMARY KEY (key_id);
CREATE INDEX signing_keys_purpose_created_idx ON engine_meta.signing_keys (purpose, created_at);

-- What a user approved on the consent page for a client, so the page is shown once per (user, client) and again only
-- when the client asks for scopes not approved before. Deleting the user or the client forgets the consent.
CREATE TABLE engine_meta.consents (
    user_id    uuid        NOT NULL REFERENCES engine_meta.users (id) ON DELETE CASCADE,
    client_id  text        NOT NULL REFERENCES engine_meta.clients (client_id) ON DELETE CASCADE,
    scopes     text[]      NOT NULL DEFAULT '{}',
    granted_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT consents_pkey PRIMARY KEY (user_id, client_id)
);

-- The redemption ids of authorization codes and refresh tokens already redeemed: the tokens are self-contained
-- (OpenIddict's degraded mode), so this table is what makes them single-use; 'grant:<id>' rows are grants revoked
-- because one of their tokens was replayed. A row is useless once the token (or the grant's last token) has expired.
CREATE TABLE engine_meta.redeemed_tokens (
    token_id    text        PRIMARY KEY,
    expires_at  timestamptz NOT NULL,
    redeemed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX redeemed_tokens_expires_idx ON engine_meta.redeemed_tokens (expires_at);
