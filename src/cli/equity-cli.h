/* equity-cli.h — shared pieces of asheville-equity-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "equity-core.h"

G_BEGIN_DECLS

typedef int (*EquityCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char           *name;
  const char           *args;      /* e.g. "PROJECT FILE" */
  const char           *summary;
  EquityCliCommandFunc  run;
} EquityCliCommand;

/* exit codes */
#define EQUITY_CLI_OK     0
#define EQUITY_CLI_FAILED 1
#define EQUITY_CLI_USAGE  2

/* Parses options for COMMAND; prints usage and returns FALSE on error.
 * On success ARGV holds the positional arguments, ARGV[0] the command. */
gboolean  equity_cli_parse_options (const EquityCliCommand *command,
                                    GOptionEntry           *entries,
                                    int                    *argc,
                                    char                 ***argv,
                                    guint                   n_positional);
/* The --json option of every command that has one, setting the gboolean at FLAG */
#define EQUITY_CLI_JSON_OPTION(flag) \
  { "json", 0, 0, G_OPTION_ARG_NONE, (flag), equity_cli_json_option_description, NULL }
/* its description, marked for translation in equity-cli.c */
extern const char equity_cli_json_option_description[];
/* The same for a COMMAND whose only option is --json, which sets *JSON. */
gboolean  equity_cli_parse_json_option (const char        *command,
                                        int               *argc,
                                        char            ***argv,
                                        guint              n_positional,
                                        gboolean          *json);
/* prints MESSAGE after PREFIX on stderr, its control characters escaped */
void      equity_cli_print_error   (const char             *prefix,
                                    const char             *message);
int       equity_cli_fail          (const GError           *error);
int       equity_cli_fail_message  (const char             *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* Prints NODE as one JSON document on stdout, and frees it. */
void      equity_cli_print_json    (JsonNode               *node);
/* The same for what BUILDER has built */
void      equity_cli_print_built   (JsonBuilder            *builder);
/* Closes PROJECT so that its file alone is the project; a command that
 * succeeded so far fails when that cannot be done. Returns the exit status. */
int       equity_cli_close_project (EquityProject          *project,
                                    int                     status);
/* Opens the project PATH, which must exist ("PATH: no such project"). */
EquityProject *equity_cli_open_project (const char         *path,
                                        GError            **error);
/* Adds members NAME: VALUE (strings, VALUE may be NULL) to the object being
 * built; the list of pairs ends with a NULL name. */
void      equity_cli_json_add_strings (JsonBuilder          *builder,
                                       const char           *first_name,
                                       ...) G_GNUC_NULL_TERMINATED;

JsonNode *equity_cli_dataset_to_json (EquityDataset        *dataset,
                                      gboolean              full);

const EquityCliCommand *equity_cli_find_command (const char *name);

int equity_cli_new      (int argc, char **argv);
int equity_cli_sample   (int argc, char **argv);
int equity_cli_datasets (int argc, char **argv);
int equity_cli_import   (int argc, char **argv);
int equity_cli_show     (int argc, char **argv);
int equity_cli_rename   (int argc, char **argv);
int equity_cli_delete   (int argc, char **argv);
int equity_cli_analyze  (int argc, char **argv);
int equity_cli_analyses (int argc, char **argv);
int equity_cli_chart    (int argc, char **argv);
int equity_cli_export   (int argc, char **argv);
int equity_cli_indicators (int argc, char **argv);
int equity_cli_indicator_add (int argc, char **argv);
int equity_cli_scan     (int argc, char **argv);
int equity_cli_assessments (int argc, char **argv);
int equity_cli_actions  (int argc, char **argv);
int equity_cli_audit    (int argc, char **argv);
int equity_cli_score_table (int argc, char **argv);

G_END_DECLS
