-- Challenges and students record evidence, so their state moves from Orleans' grain storage to grain_state,
-- where the ledger commits it with that evidence. Orleans stored them under their state name (grain_type),
-- serialized by the same Orleans serializer the ledger uses, so a payload moves as it is. A cleared row (NULL
-- payload) has no state to carry.
--
-- Their keys (a bizCode, a student's digest) are always 32 hex digits, which Orleans reads as a Guid: it stores no
-- string key but the Guid's bytes (Guid.ToByteArray) as two little-endian int64s, grain_id_n0 and grain_id_n1.
-- The key is that Guid printed again in its "N" format: the first three fields byte-reversed, the rest in order.
INSERT INTO grain_state (kind, key, version, payload, updated_at)
SELECT s.grain_type, coalesce(s.grain_id_ext, g.key), s.version, s.payload, s.modified_at
  FROM orleans_grain_state s
 CROSS JOIN LATERAL (
       SELECT string_agg(lpad(to_hex(((CASE WHEN b < 8 THEN s.grain_id_n0 ELSE s.grain_id_n1 END) >> (8 * (b % 8))) & 255), 2, '0'), '' ORDER BY n) AS key
         FROM unnest(ARRAY[3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]) WITH ORDINALITY AS byte(b, n)) g
 WHERE s.grain_type IN ('challenge', 'student') AND s.payload IS NOT NULL
ON CONFLICT DO NOTHING;

DELETE FROM orleans_grain_state WHERE grain_type IN ('challenge', 'student');

-- A class moves on its grain's first activation instead (OrleansStateMove): a class code may read as hex ("2024001")
-- or hold a '+', and Orleans then stores it as numbers and an extension, from which its text cannot be recovered.
