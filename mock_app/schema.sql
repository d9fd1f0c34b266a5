-- Schema of the mock Botanalytics dashboard. Loaded by `flask --app mock_app init-db`.
DROP TABLE IF EXISTS message;
DROP TABLE IF EXISTS key_event;
DROP TABLE IF EXISTS user;
DROP TABLE IF EXISTS channel;
DROP TABLE IF EXISTS project;
DROP TABLE IF EXISTS account;

CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE user (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account (id),
  email TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active_project_id INTEGER REFERENCES project (id)
);

-- `color` is one of the Semantic UI colour names the product offers (blue, orange, ...).
CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account (id),
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  starred INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0
);

-- `integrated` is set by Verify once a message arrived with the current key; a new key clears it.
-- `stored_bytes` is the size of the channel's stored message bodies, which its quota caps.
CREATE TABLE channel (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  api_key TEXT NOT NULL UNIQUE,
  connected_at TEXT NOT NULL,
  integrated INTEGER NOT NULL DEFAULT 0,
  stored_bytes INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, name)
);

-- One row per regeneration; fingerprints only, never the keys themselves.
CREATE TABLE key_event (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channel (id),
  account_id INTEGER NOT NULL REFERENCES account (id),
  user_id INTEGER NOT NULL REFERENCES user (id),
  created_at TEXT NOT NULL,
  old_fingerprint TEXT NOT NULL,
  new_fingerprint TEXT NOT NULL UNIQUE
);

-- `key_fingerprint` names the key a message came with, so Verify can tell the current key's messages.
CREATE TABLE message (
  id INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channel (id),
  received_at TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX message_channel ON message (channel_id, key_fingerprint);
