/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error answers of the API: each code with its one HTTP status, and
 * HCS_ERROR, the GError domain in which domain functions (hcs-list-rules.c,
 * hcs-repairs.c, hcs-risk.c, …) report a refusal that the route answers with
 * hcs_request_reply_gerror().
 *
 * Each HCS_ERR_* constant stands for two arguments, the status and the code,
 * so that a code cannot be answered with another status:
 *
 *   hcs_request_reply_error (req, HCS_ERR_NOT_FOUND, "id", _("No such record."));
 *   g_set_error (error, HCS_ERROR, …) — use hcs_error_set (error, HCS_ERR_DUPLICATE, "subject", …)
 *
 * A new code goes here, with the status it always has. */
#pragma once

#include <glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* 400: the request itself is malformed (syntax, types, query parameters). */
#define HCS_ERR_INVALID_PARAMETER      SOUP_STATUS_BAD_REQUEST, "invalid_parameter"
#define HCS_ERR_MISSING_PARAMETER      SOUP_STATUS_BAD_REQUEST, "missing_parameter"
#define HCS_ERR_INVALID_JSON           SOUP_STATUS_BAD_REQUEST, "invalid_json"
#define HCS_ERR_INVALID_TYPE           SOUP_STATUS_BAD_REQUEST, "invalid_type"
#define HCS_ERR_INVALID_CSV            SOUP_STATUS_BAD_REQUEST, "invalid_csv"
#define HCS_ERR_INVALID_CURSOR         SOUP_STATUS_BAD_REQUEST, "invalid_cursor"
#define HCS_ERR_INVALID_IF_MATCH       SOUP_STATUS_BAD_REQUEST, "invalid_if_match"
#define HCS_ERR_JSON_TOO_DEEP          SOUP_STATUS_BAD_REQUEST, "json_too_deep"

/* 401, 403 */
#define HCS_ERR_UNAUTHENTICATED        SOUP_STATUS_UNAUTHORIZED, "unauthenticated"
#define HCS_ERR_TOKEN_EXPIRED          SOUP_STATUS_UNAUTHORIZED, "token_expired"
#define HCS_ERR_INVALID_CREDENTIALS    SOUP_STATUS_UNAUTHORIZED, "invalid_credentials"
#define HCS_ERR_FORBIDDEN              SOUP_STATUS_FORBIDDEN, "forbidden"
#define HCS_ERR_OWN_PROPOSAL           SOUP_STATUS_FORBIDDEN, "own_proposal"
#define HCS_ERR_NOT_DESIGNATING_DEPARTMENT SOUP_STATUS_FORBIDDEN, "not_designating_department"
#define HCS_ERR_NOT_PLAN_DEPARTMENT    SOUP_STATUS_FORBIDDEN, "not_plan_department"

/* 404, 405 */
#define HCS_ERR_NOT_FOUND              SOUP_STATUS_NOT_FOUND, "not_found"
#define HCS_ERR_METHOD_NOT_ALLOWED     SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed"

/* 409: the request is well formed but the record's state refuses it. */
#define HCS_ERR_DUPLICATE              SOUP_STATUS_CONFLICT, "duplicate"
#define HCS_ERR_DRAFT_EXISTS           SOUP_STATUS_CONFLICT, "draft_exists"
#define HCS_ERR_DRAW_SUPERSEDED        SOUP_STATUS_CONFLICT, "draw_superseded"
#define HCS_ERR_ALREADY_DECIDED        SOUP_STATUS_CONFLICT, "already_decided"
#define HCS_ERR_ALREADY_DRAWN          SOUP_STATUS_CONFLICT, "already_drawn"
#define HCS_ERR_ALREADY_IMPORTED       SOUP_STATUS_CONFLICT, "already_imported"
#define HCS_ERR_COMPUTED_INDICATOR     SOUP_STATUS_CONFLICT, "computed_indicator"
#define HCS_ERR_DERIVED_FROM_REGIONS   SOUP_STATUS_CONFLICT, "derived_from_regions"
#define HCS_ERR_NOT_COMPUTED           SOUP_STATUS_CONFLICT, "not_computed"
#define HCS_ERR_NOT_REGIONAL           SOUP_STATUS_CONFLICT, "not_regional"
#define HCS_ERR_ILLEGAL_TRANSITION     SOUP_STATUS_CONFLICT, "illegal_transition"
#define HCS_ERR_IN_USE                 SOUP_STATUS_CONFLICT, "in_use"
#define HCS_ERR_NOT_SUBMITTED          SOUP_STATUS_CONFLICT, "not_submitted"
#define HCS_ERR_NOTICE_PERIOD          SOUP_STATUS_CONFLICT, "notice_period"
#define HCS_ERR_OWN_SUBMISSION         SOUP_STATUS_CONFLICT, "own_submission"
#define HCS_ERR_RESULTS_RECORDED       SOUP_STATUS_CONFLICT, "results_recorded"
#define HCS_ERR_SELF_LOCKOUT           SOUP_STATUS_CONFLICT, "self_lockout"
#define HCS_ERR_VERSION_PUBLISHED      SOUP_STATUS_CONFLICT, "version_published"

/* 408, 412, 413, 428 */
#define HCS_ERR_REQUEST_TIMEOUT        SOUP_STATUS_REQUEST_TIMEOUT, "request_timeout"
#define HCS_ERR_STALE                  SOUP_STATUS_PRECONDITION_FAILED, "stale"
#define HCS_ERR_PAYLOAD_TOO_LARGE      SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload_too_large"
#define HCS_ERR_TOO_MANY_SUBJECTS      SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_many_subjects"
#define HCS_ERR_PRECONDITION_REQUIRED  428, "precondition_required"

/* 422: well-formed JSON whose values break a rule. */
#define HCS_ERR_CONSTRAINT             SOUP_STATUS_UNPROCESSABLE_ENTITY, "constraint"
#define HCS_ERR_EMPTY_FILE             SOUP_STATUS_UNPROCESSABLE_ENTITY, "empty_file"
#define HCS_ERR_EMPTY_VERSION          SOUP_STATUS_UNPROCESSABLE_ENTITY, "empty_version"
#define HCS_ERR_ENTRY_NOT_IN_FORCE     SOUP_STATUS_UNPROCESSABLE_ENTITY, "entry_not_in_force"
#define HCS_ERR_ENTRY_SUBJECT_MISMATCH SOUP_STATUS_UNPROCESSABLE_ENTITY, "entry_subject_mismatch"
#define HCS_ERR_IMMUTABLE_FIELD        SOUP_STATUS_UNPROCESSABLE_ENTITY, "immutable_field"
#define HCS_ERR_INVALID_BANDS          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_bands"
#define HCS_ERR_INVALID_ACTION         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_action"
#define HCS_ERR_INVALID_CATEGORY       SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_category"
#define HCS_ERR_INVALID_COUNT          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_count"
#define HCS_ERR_INVALID_DATE           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_date"
#define HCS_ERR_INVALID_DECISION       SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_decision"
#define HCS_ERR_INVALID_DESCRIPTION    SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_description"
#define HCS_ERR_INVALID_ENCODING       SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_encoding"
#define HCS_ERR_INVALID_ENTRY          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_entry"
#define HCS_ERR_INVALID_FACTOR         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_factor"
#define HCS_ERR_INVALID_GRADE          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_grade"
#define HCS_ERR_INVALID_HEADER         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_header"
#define HCS_ERR_INVALID_ID_NUMBER      SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_id_number"
#define HCS_ERR_INVALID_ITEM           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_item"
#define HCS_ERR_INVALID_KIND           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_kind"
#define HCS_ERR_INVALID_LEVEL          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_level"
#define HCS_ERR_INVALID_MEASURE        SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_measure"
#define HCS_ERR_INVALID_PENALTY        SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_penalty"
#define HCS_ERR_INVALID_DEPARTMENT     SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_department"
#define HCS_ERR_INVALID_RATIO          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_ratio"
#define HCS_ERR_INVALID_RESULT         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_result"
#define HCS_ERR_INVALID_REGION         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_region"
#define HCS_ERR_INVALID_ROLE           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_role"
#define HCS_ERR_INVALID_SEVERITY       SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_severity"
#define HCS_ERR_INVALID_STATE          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_state"
#define HCS_ERR_INVALID_TEXT           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_text"
#define HCS_ERR_INVALID_STATUS         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_status"
#define HCS_ERR_INVALID_SUBJECT_TYPE   SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_subject_type"
#define HCS_ERR_INVALID_TITLE          SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_title"
#define HCS_ERR_INVALID_USCC           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_uscc"
#define HCS_ERR_INVALID_USERNAME       SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_username"
#define HCS_ERR_INVALID_WEIGHT         SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_weight"
#define HCS_ERR_INVALID_XLSX           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_xlsx"
#define HCS_ERR_INVALID_YEAR           SOUP_STATUS_UNPROCESSABLE_ENTITY, "invalid_year"
#define HCS_ERR_MISSING_COMMENT        SOUP_STATUS_UNPROCESSABLE_ENTITY, "missing_comment"
#define HCS_ERR_MISSING_FIELD          SOUP_STATUS_UNPROCESSABLE_ENTITY, "missing_field"
#define HCS_ERR_NOT_ENOUGH_INSPECTORS  SOUP_STATUS_UNPROCESSABLE_ENTITY, "not_enough_inspectors"
#define HCS_ERR_NO_ROWS                SOUP_STATUS_UNPROCESSABLE_ENTITY, "no_rows"
#define HCS_ERR_NOTHING_TO_CHANGE      SOUP_STATUS_UNPROCESSABLE_ENTITY, "nothing_to_change"
#define HCS_ERR_TOO_LONG               SOUP_STATUS_UNPROCESSABLE_ENTITY, "too_long"
#define HCS_ERR_UNKNOWN_DEPARTMENT     SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_department"
#define HCS_ERR_UNKNOWN_INSPECTOR      SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_inspector"
#define HCS_ERR_UNKNOWN_ENTRY          SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_entry"
#define HCS_ERR_UNKNOWN_PENALTY        SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_penalty"
#define HCS_ERR_UNKNOWN_FIELD          SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_field"
#define HCS_ERR_UNKNOWN_SUBJECT        SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_subject"
#define HCS_ERR_UNKNOWN_VERSION        SOUP_STATUS_UNPROCESSABLE_ENTITY, "unknown_version"
#define HCS_ERR_VALUE_OUT_OF_RANGE     SOUP_STATUS_UNPROCESSABLE_ENTITY, "value_out_of_range"
#define HCS_ERR_WEAK_PASSWORD          SOUP_STATUS_UNPROCESSABLE_ENTITY, "weak_password"

/* 500, 503: never with the internal detail, which goes to the log.
 * commit_unknown is the one 503 after which the write may be there. */
#define HCS_ERR_INTERNAL               SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal"
#define HCS_ERR_BUSY                   SOUP_STATUS_SERVICE_UNAVAILABLE, "busy"
#define HCS_ERR_EXPORT_FAILED          SOUP_STATUS_SERVICE_UNAVAILABLE, "export_failed"
#define HCS_ERR_STORAGE_UNAVAILABLE    SOUP_STATUS_SERVICE_UNAVAILABLE, "storage_unavailable"
#define HCS_ERR_COMMIT_UNKNOWN         SOUP_STATUS_SERVICE_UNAVAILABLE, "commit_unknown"

/* HCS_ERROR: a refusal to answer as it is; the GError code is the HTTP
 * status, the API code and the field travel with it. */
#define HCS_ERROR (hcs_error_quark ())

GQuark       hcs_error_quark      (void);
void         hcs_error_set        (GError     **error,
                                   guint        status,
                                   const char  *code,
                                   const char  *field,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (5, 6);
const char  *hcs_error_get_code   (const GError *error);
const char  *hcs_error_get_field  (const GError *error);

G_END_DECLS
