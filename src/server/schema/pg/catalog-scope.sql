-- 基础目录 or 补充目录 (issue 8): whether an item comes from the national
-- base catalog or is the province's supplement (规划 四(二)1: 制定补充目录).
-- Items written before it are of the base catalog.
ALTER TABLE catalog_items ADD COLUMN IF NOT EXISTS scope text COLLATE "C" NOT NULL DEFAULT 'basic'
  CHECK (scope IN ('basic', 'supplementary'));
