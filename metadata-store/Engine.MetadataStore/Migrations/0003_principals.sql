-- Principals of the built-in OAuth2 server (SPEC §6): clients, users and the keys every pod signs tokens with.
-- Secrets and passwords are stored only as slow hashes; the hashing lives with the auth server.

-- A client without a secret is public: it may only use authorization_code with PKCE from its redirect URIs.
CREATE TABLE engine_meta.clients (
    client_id     text        PRIMARY KEY,
    secret_hash   text,
    roles         text[]      NOT NULL DEFAULT '{}',
    claims        jsonb       NOT NULL DEFAULT '{}',
    redirect_uris text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE engine_meta.users (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL DEFAULT '{}',
    claims        jsonb       NOT NULL DEFAULT '{}',
    disabled      boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per purpose ('signing' for access tokens, 'encryption' for authorization codes and refresh tokens),
-- created once by whichever pod starts first and read by all, so a token issued by one pod is valid on every pod.
CREATE TABLE engine_meta.signing_keys (
    purpose     text        PRIMARY KEY,
    key_id      text        NOT NULL,
    private_pem text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
