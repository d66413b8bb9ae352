/* equity-explore-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-explore-page.h"

struct _EquityExplorePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *intro_page;
  GtkWidget           *sample_button;
  GtkLabel            *analysis_title;
  GtkLabel            *analysis_summary;
  GtkWidget           *settings_group;
  GtkListBox          *settings_list;

  /* Owned references */
  EquityProject       *project;
  EquitySavedAnalysis *analysis;
  GSignalGroup        *datasets_signals;
};

G_DEFINE_FINAL_TYPE (EquityExplorePage, equity_explore_page, ADW_TYPE_BIN)

static const struct {
  const char *kind;
  const char *label;
} kinds[] = {
  { "area-rates",     N_("Rates by area") },
  { "group-rates",    N_("Rates by group") },
  { "group-exposure", N_("Service by where groups live") },
  { "outcomes",       N_("Outcomes by area or group") },
  { "representation", N_("Representation") },
  { "utilization",    N_("Contract utilization") },
  { "dissimilarity",  N_("Dissimilarity index") },
  { "equity-score",   N_("Equity score") },
  { "scan",           N_("Environmental scan") },
};

const char *
equity_explore_page_kind_label (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      return g_dgettext (GETTEXT_PACKAGE, kinds[i].label);

  return kind != NULL ? kind : "";
}

/* "reference_group" → "Reference group" */
static char *
humanize_key (const char *key)
{
  g_autofree char *text = g_strdelimit (g_strdup (key), "_-", ' ');
  g_autofree char *first = NULL;

  if (text[0] == '\0')
    return g_steal_pointer (&text);

  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static void
add_setting_row (EquityExplorePage *self,
                 const char        *title,
                 const char        *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->settings_list, row);
}

static void
fill_settings (EquityExplorePage *self,
               const char        *spec)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  if (spec == NULL || !g_key_file_load_from_data (keyfile, spec, -1, G_KEY_FILE_NONE, NULL))
    return;

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *value = g_key_file_get_string (keyfile, groups[i], keys[j], NULL);
          g_autofree char *title = humanize_key (keys[j]);

          if (value != NULL && !g_str_equal (keys[j], "kind"))
            add_setting_row (self, title, value);
        }
    }
}

static void
equity_explore_page_update (EquityExplorePage *self)
{
  GtkWidget *child;
  gboolean has_datasets = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->settings_list))) != NULL)
    gtk_list_box_remove (self->settings_list, child);

  if (self->project != NULL)
    has_datasets = g_list_model_get_n_items (equity_project_get_datasets (self->project)) > 0;

  /* The sample is the next step only for an empty project. */
  gtk_widget_set_visible (self->sample_button, !has_datasets);
  if (has_datasets)
    adw_status_page_set_description (self->intro_page,
                                     _("Compare rates between neighborhoods and groups: events per resident by area or by race and ethnicity, with an interval around every estimate and the gap against a reference group. Saved analyses of this project are listed in the sidebar."));
  else
    adw_status_page_set_description (self->intro_page,
                                     _("Compare rates between neighborhoods and groups: events per resident by area or by race and ethnicity, with an interval around every estimate and the gap against a reference group. Start from a project with service records and Census tables."));

  if (self->analysis == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "intro");
      return;
    }

  {
    const char *kind = equity_saved_analysis_get_kind (self->analysis);
    GDateTime *updated = equity_saved_analysis_get_updated_at (self->analysis);
    g_autofree char *summary = NULL;

    gtk_label_set_label (self->analysis_title, equity_saved_analysis_get_name (self->analysis));

    if (updated != NULL)
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (updated);
        /* Translators: date and time a saved analysis was changed, see strftime(3) */
        g_autofree char *date = g_date_time_format (local, _("%B %-d, %Y at %H:%M"));

        /* Translators: "Rates by group · saved November 24, 2026 at 10:12" */
        summary = g_strdup_printf (_("%s · saved %s"), equity_explore_page_kind_label (kind), date);
      }
    else
      summary = g_strdup (equity_explore_page_kind_label (kind));

    gtk_label_set_label (self->analysis_summary, summary);
    fill_settings (self, equity_saved_analysis_get_spec (self->analysis));
    gtk_widget_set_visible (self->settings_group,
                            gtk_widget_get_first_child (GTK_WIDGET (self->settings_list)) != NULL);
    gtk_stack_set_visible_child_name (self->stack, "analysis");
  }
}

static void
datasets_changed_cb (EquityExplorePage *self)
{
  equity_explore_page_update (self);
}

static void
equity_explore_page_dispose (GObject *object)
{
  EquityExplorePage *self = (EquityExplorePage *)object;

  /* The stack is both AdwBin's child and a template child: unparent it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_EXPLORE_PAGE);
  if (self->datasets_signals != NULL)
    g_signal_group_set_target (self->datasets_signals, NULL);
  g_clear_object (&self->datasets_signals);
  g_clear_object (&self->analysis);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_explore_page_parent_class)->dispose (object);
}

static void
equity_explore_page_class_init (EquityExplorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_explore_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-explore-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, intro_page);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, analysis_title);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, analysis_summary);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, settings_group);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, settings_list);
}

static void
equity_explore_page_init (EquityExplorePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->datasets_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->datasets_signals, "items-changed",
                                 G_CALLBACK (datasets_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  equity_explore_page_update (self);
}

GtkWidget *
equity_explore_page_new (void)
{
  return g_object_new (EQUITY_TYPE_EXPLORE_PAGE, NULL);
}

void
equity_explore_page_set_project (EquityExplorePage *self,
                                 EquityProject     *project)
{
  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_clear_object (&self->analysis);
  g_signal_group_set_target (self->datasets_signals,
                             project != NULL ? equity_project_get_datasets (project) : NULL);
  equity_explore_page_update (self);
}

EquitySavedAnalysis *
equity_explore_page_get_analysis (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), NULL);

  return self->analysis;
}

void
equity_explore_page_set_analysis (EquityExplorePage   *self,
                                  EquitySavedAnalysis *analysis)
{
  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));
  g_return_if_fail (!analysis || EQUITY_IS_SAVED_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  equity_explore_page_update (self);
}
