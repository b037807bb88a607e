-- The analysts' grid editor (网格划分调整): drafts of a community's grids kept on the server, checked in
-- PostGIS and published as new grid versions; a case moved to another grid by a redraw says so in its
-- history.

-- A draft holds a whole community's grids as one GeoJSON FeatureCollection: read and replaced whole by
-- the editor, and never joined by any other query until it is published. `version` is raised by every
-- write, so an analyst saving over a draft that changed since they read it is told (409). A published
-- draft stays, as the record of the redraw.
CREATE TABLE grid_drafts (
  id            bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  community_code text NOT NULL REFERENCES regions (code),
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'published')),
  -- Role and a digest of the token, as the party-access log names a reader; never a token or a name.
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  features      jsonb NOT NULL CHECK (features ->> 'type' = 'FeatureCollection'),
  published_at  timestamptz,
  published_by  text,
  CHECK ((status = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);
-- One open draft a community: two analysts redrawing the same community at once would each publish
-- over the other's grids.
CREATE UNIQUE INDEX grid_drafts_open_idx ON grid_drafts (community_code) WHERE status = 'open';
CREATE INDEX grid_drafts_community_idx ON grid_drafts (community_code, id);

-- A draft's grids as rows: n counts from 1 in the order of the collection. Geometry is snapped to the
-- store's 1e-6 degree grid, so what is checked is what would be published, and a grid loaded from the
-- store and saved back unchanged (as 6-decimal GeoJSON) has its stored coordinates again, bit for bit.
CREATE FUNCTION draft_grids(features jsonb)
RETURNS TABLE (n int, code text, name text, kind text, households int, leaders int, fulltime_workers int,
               parttime_workers int, source_code text, geom geometry)
LANGUAGE sql IMMUTABLE AS $$
  SELECT f.n::int, p ->> 'code', p ->> 'name', p ->> 'kind', (p ->> 'households')::int, (p ->> 'leaders')::int,
         (p ->> 'fulltimeWorkers')::int, (p ->> 'parttimeWorkers')::int, p ->> 'sourceCode',
         ST_Multi(ST_SnapToGrid(ST_SetSRID(ST_GeomFromGeoJSON((f.x -> 'geometry')::text), 4326), 1e-6))
  FROM jsonb_array_elements(features -> 'features') WITH ORDINALITY AS f (x, n),
       LATERAL (SELECT f.x -> 'properties') AS props (p)
$$;

-- A point as the API writes one, [lon, lat] to 6 decimals (LonLat in contract/geo.ts).
CREATE FUNCTION lonlat_json(p geometry) RETURNS json LANGUAGE sql IMMUTABLE AS $$
  SELECT json_build_array(round(ST_X(p)::numeric, 6), round(ST_Y(p)::numeric, 6))
$$;

-- A grid version as the stream carries it (GridChange in contract/drafts.ts): its public properties and
-- its shape, so a screen redraws it without a reload; validTo set once the version is closed.
CREATE FUNCTION grid_json(g grids) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'code', g.code, 'name', g.name, 'kind', g.kind, 'version', g.version,
    'communityCode', c.code, 'townshipCode', t.code, 'households', g.households, 'leaders', g.leaders,
    'fulltimeWorkers', g.fulltime_workers, 'parttimeWorkers', g.parttime_workers,
    'validFrom', to_char(g.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'validTo', to_char(g.valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'geometry', ST_AsGeoJSON(g.geom, 6)::json)
  FROM regions c JOIN regions t ON t.id = c.parent_id
  WHERE c.id = g.community_id
$$;

-- A case moved to another grid because its grid was redrawn is neither a step of the loop nor an
-- assignment: it gets a history kind of its own (网格调整), written by the platform.
ALTER TABLE case_history DROP CONSTRAINT case_history_step_check;
ALTER TABLE case_history ADD CONSTRAINT case_history_step_check
  CHECK (step IN ('collect', 'verify', 'handle', 'report_up', 'route', 'supervise', 'feed_back', 'close', 'assign', 'regrid'));
