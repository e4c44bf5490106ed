using Npgsql;
using Supervision.Contracts.Reviews;
using Supervision.Grains.Evidence;

namespace Supervision.Grains.Reviews;

/// <summary>
/// The review queue, read from check_photos: photos whose score is within the band of their threshold and judged
/// same or different (a replay or a missing face is not a matter of likeness), that no reviewer has decided (a
/// decision is the review grain's state, committed with its evidence). Photos of one learner in one class are one
/// item, so that many attempts on one learner take one place in the queue, whatever its order.
/// </summary>
public sealed class PendingReviews(NpgsqlDataSource dataSource)
{
    public async Task<(int Total, IReadOnlyList<FaceReviewItem> Items)> PageAsync(double band, FaceReviewQuery query)
    {
        var order = query.Order == FaceReviewOrder.Newest
            ? "latest_at DESC, class_code, student_user_code"
            : "passes > 0 DESC, margin, attempts DESC, latest_at DESC, class_code, student_user_code";
        await using var command = dataSource.CreateCommand(
            $"""
            WITH pending AS (
                SELECT p.id, p.at, p.class_code, p.student_user_code, p.biz_code, p.decision, p.score, p.threshold, p.platform_code,
                       p.reference_digest, abs(p.score - p.threshold) AS margin
                FROM check_photos p
                WHERE p.score IS NOT NULL AND abs(p.score - p.threshold) <= @band AND p.decision IN ('same', 'different')
                  AND (@platform::text IS NULL OR p.platform_code = @platform)
                  AND (@class::text IS NULL OR p.class_code = @class)
                  AND NOT EXISTS (SELECT 1 FROM grain_state g WHERE g.kind = @kind AND g.key = p.id::text)),
            learners AS (
                SELECT *,
                       count(*) OVER learner AS attempts,
                       count(*) FILTER (WHERE decision = 'same') OVER learner AS passes,
                       max(at) OVER learner AS latest_at,
                       row_number() OVER (PARTITION BY class_code, student_user_code ORDER BY decision = 'same' DESC, margin, at DESC, id DESC) AS riskiest
                FROM pending
                WINDOW learner AS (PARTITION BY class_code, student_user_code)),
            chosen AS (SELECT * FROM learners WHERE riskiest = 1)
            SELECT total.n, shown.id, shown.at, shown.class_code, shown.student_user_code, shown.biz_code, shown.decision, shown.score, shown.threshold,
                   shown.platform_code, shown.attempts, shown.passes, shown.latest_at, encode(shown.reference_digest, 'hex')
            FROM (SELECT count(*) AS n FROM chosen) total
            LEFT JOIN (SELECT *, row_number() OVER (ORDER BY {order}) AS place FROM chosen ORDER BY place OFFSET @offset LIMIT @limit) shown ON true
            ORDER BY shown.place
            """);
        command.Parameters.AddWithValue("band", band);
        command.Parameters.AddWithValue("platform", (object?)query.PlatformCode ?? DBNull.Value);
        command.Parameters.AddWithValue("class", (object?)query.ClassCode ?? DBNull.Value);
        command.Parameters.AddWithValue("kind", CheckPhotoArchive.ReviewStateKind);
        command.Parameters.AddWithValue("offset", (long)(query.Page - 1) * query.PageSize);
        command.Parameters.AddWithValue("limit", query.PageSize);

        // One row even past the last page (the total, no item): the count comes first, the page is joined to it.
        var items = new List<FaceReviewItem>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total = (int)reader.GetInt64(0);
            if (reader.IsDBNull(1))
                continue;
            items.Add(new FaceReviewItem(reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetDouble(7), reader.GetDouble(8), band,
                reader.IsDBNull(9) ? null : reader.GetString(9), (int)reader.GetInt64(10), (int)reader.GetInt64(11),
                reader.GetFieldValue<DateTimeOffset>(12), reader.IsDBNull(13) ? null : reader.GetString(13)));
        }

        return (total, items);
    }
}
