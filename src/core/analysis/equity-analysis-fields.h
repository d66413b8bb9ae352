/* equity-analysis-fields.h — what each kind of analysis reads from its spec:
 * the editor offers datasets and columns from it, and saved analyses bind the
 * datasets and columns it names to their stable ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-analysis.h"
#include "equity-project.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_FIELD_DATASET,        /* [analysis] KEY = dataset */
  EQUITY_FIELD_COLUMN,         /* [analysis] KEY = column of the dataset DATASET_KEY names */
  EQUITY_FIELD_MODE,           /* not a key: which of the fields below are used */
  EQUITY_FIELD_ROW,            /* [analysis] KEY = COLUMN=VALUE, one row of a dataset */
  EQUITY_FIELD_GROUPS,         /* [groups] group value = population column */
  EQUITY_FIELD_GROUP_COLUMNS,  /* [groups] column = column: columns that are groups */
  EQUITY_FIELD_REFERENCE,      /* [analysis] reference = one of [groups] */
} EquityFieldType;

typedef enum
{
  EQUITY_FIELD_OPTIONAL  = 1 << 0,
  EQUITY_FIELD_NUMERIC   = 1 << 1,  /* integer or real columns only */
  EQUITY_FIELD_GEOMETRY  = 1 << 2,  /* datasets with shapes only */
  EQUITY_FIELD_OVERALL   = 1 << 3,  /* reference: "all groups together" is a choice */
  EQUITY_FIELD_HIDDEN    = 1 << 4,  /* read from spec files, not offered by the editor */
} EquityFieldFlags;

#define EQUITY_ROLE_BIT(role) (1u << (role))

/* The value of a ROW field (population-filter) that adds up all rows on
 * purpose; without the key, all rows are added up too (older specs), but the
 * editor asks which row first. */
#define EQUITY_ANALYSIS_ALL_ROWS "*"

typedef struct
{
  const char *key;
  EquityFieldType type;
  const char *title;          /* untranslated (N_) */
  const char *none_label;     /* the choice that leaves the key out (N_), optional fields */
  const char *dataset_key;    /* COLUMN, ROW, GROUPS: the key naming the dataset */
  guint       flags;          /* EquityFieldFlags */
  guint       prefer_roles;   /* EQUITY_ROLE_BIT() of roles listed first */
  guint       modes;          /* shown when the kind's mode is one of these bits; 0: always */
  /* COLUMN of a margin of error: the key of its estimate, whose margin is
   * chosen with it. GROUPS: the key of the column holding group values, of
   * the dataset VALUES_DATASET_KEY names. */
  const char *pair_key;
  const char *values_dataset_key;
} EquityFieldInfo;

/* A MODE field's choices: each sets one key, and shows the fields of its bit. */
typedef struct
{
  const char *key;            /* the key whose presence selects this choice */
  const char *label;          /* N_ */
  guint       mode;
} EquityModeInfo;

typedef enum
{
  EQUITY_KIND_PER        = 1 << 0,  /* rates per N people */
  EQUITY_KIND_CONFIDENCE = 1 << 1,
  EQUITY_KIND_SUPPRESS   = 1 << 2,  /* small counts are withheld (equity-suppression.h) */
  EQUITY_KIND_OVERALL    = 1 << 3,  /* the result has an all-rows "overall" figure */
  EQUITY_KIND_BY_GROUP   = 1 << 4,  /* its rows are groups (else areas or table rows) */
  EQUITY_KIND_AREA_LIKE  = 1 << 5,  /* events were placed in areas */
  EQUITY_KIND_INDEX      = 1 << 6,  /* its headline is one index over all rows */
} EquityKindFlags;

/* core-private parts of a kind (equity-analysis-kind.h) */
typedef struct _EquityAnalysisContext EquityAnalysisContext;
typedef struct _EquityResultMember    EquityResultMember;

/* One kind of analysis, described once, in its own file
 * (src/core/analysis/equity-analysis-KIND.c); equity-analysis-kinds.c
 * lists them. */
typedef struct
{
  const char            *kind;         /* its stable name, as specs write it */
  const char            *label;        /* N_ */
  const char            *description;  /* N_ */
  guint                  flags;        /* EquityKindFlags */
  const EquityFieldInfo *fields;       /* ends with a NULL key */
  const EquityModeInfo  *modes;        /* for its MODE field, ends with a NULL key; or NULL */
  const char            *formula;      /* N_: what it computes, in a line (docs/methods.md has the sources) */

  /* its result: column titles that differ by kind (N_, NULL: the usual
   * one), the JSON rows' array and label names and members */
  const char            *count_title;
  const char            *population_share_title;
  const char            *json_rows;
  const char            *json_label;
  const EquityResultMember *json_members;  /* ends with a NULL name */
  /* the charts its result can be drawn as, by the names the spec's `chart`
   * key uses (equity_chart_kind_to_string): "bars dots trend" */
  const char            *charts;

  /* its run: check the spec against the project, then read → compute */
  gboolean             (*validate) (EquityAnalysisContext *context,
                                    GError               **error);
  EquityResult        *(*run)      (EquityAnalysisContext *context,
                                    GError               **error);
} EquityAnalysisKindInfo;

/* the name the app and the workbook have used */
typedef EquityAnalysisKindInfo EquityKindInfo;

/* The kinds the core computes, in the order the editor lists them. */
guint                 equity_analysis_fields_get_n_kinds (void);
const EquityKindInfo *equity_analysis_fields_get_kind    (guint                  index);
const EquityKindInfo *equity_analysis_fields_find_kind   (const char            *kind);
/* whether KIND is known and has all of FLAGS (EquityKindFlags) */
gboolean              equity_analysis_kind_has_flags     (const char            *kind,
                                                          guint                  flags);

/* The mode a spec is in: the bit of the first choice whose key it has, else
 * the first choice's. */
guint                 equity_analysis_fields_get_mode    (const EquityKindInfo  *info,
                                                          EquityAnalysis        *analysis);
gboolean              equity_analysis_fields_is_shown    (const EquityFieldInfo *field,
                                                          guint                  mode);

/* Datasets a DATASET field offers, best first (EquityDataset, no refs). */
GPtrArray            *equity_analysis_fields_list_datasets (const EquityFieldInfo *field,
                                                            EquityProject         *project);
/* Columns of DATASET a COLUMN field offers: those of preferred roles first,
 * then the rest in file order (EquityColumn, no refs). PAIR is the column
 * chosen for the field's pair, or NULL: its margin is listed first. */
GPtrArray            *equity_analysis_fields_list_columns  (const EquityFieldInfo *field,
                                                            EquityDataset         *dataset,
                                                            EquityColumn          *pair);
/* how many of the listed columns have a preferred role */
guint                 equity_analysis_fields_count_preferred (const EquityFieldInfo *field,
                                                              GPtrArray             *columns,
                                                              EquityColumn          *pair);

/* The population column that most likely counts GROUP ("B" → "rc_black"),
 * or NULL. */
EquityColumn         *equity_analysis_fields_guess_group_column (EquityDataset *population,
                                                                 const char    *group);
/* "Black (B)" for "B"; VALUE itself when it is no known code */
char                 *equity_analysis_fields_group_title  (const char            *value);

/* Whether [analysis] KEY of ANALYSIS is a key of some field of INFO, or one
 * every kind has (name, per, source-note, …). */
gboolean              equity_analysis_fields_knows_key   (const EquityKindInfo  *info,
                                                          const char            *key);

G_END_DECLS
