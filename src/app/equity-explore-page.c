/* equity-explore-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inputs on the left (EquityAnalysisEditor), the result on the right:
 * its headline, chart and map (EquityChartView) and table
 * (EquityResultTable). The page shows the last result until the next one
 * arrives (equity-explore-run.c), and says so inline when a run fails.
 */

#define G_LOG_DOMAIN "equity-explore-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-analysis-fields.h"
#include "equity-explore-page-private.h"
#include "equity-utils.h"

enum {
  PROP_0,
  PROP_RESULT,
  PROP_BUSY,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EquityExplorePage, equity_explore_page, ADW_TYPE_BIN)

const char *
equity_explore_page_kind_label (const char *kind)
{
  const char *label = equity_analysis_kind_to_label (kind);

  return label != NULL ? label : (kind != NULL ? kind : "");
}

static EquityAnalysis *
get_spec (EquityExplorePage *self)
{
  return equity_analysis_editor_get_analysis (self->editor);
}

EquityChartKind
_equity_explore_page_spec_chart_kind (EquityExplorePage *self)
{
  g_autofree char *text = equity_analysis_dup_string (get_spec (self), "chart");
  EquityChartKind kind;

  if (text != NULL && equity_chart_kind_from_string (text, &kind)
      && (kind == EQUITY_CHART_BARS || kind == EQUITY_CHART_DOTS))
    return kind;

  return EQUITY_CHART_N_KINDS;
}

void
_equity_explore_page_set_busy (EquityExplorePage *self,
                               gboolean           running)
{
  self->running = running;
  if (!running)
    {
      g_clear_handle_id (&self->progress_source, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_message (EquityExplorePage *self,
             const char        *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
}

static void
update_hover_label (EquityExplorePage *self)
{
  EquityChartView *view = adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->map_view)
                          ? self->map_view : self->chart_view;
  const char *text = equity_chart_view_get_hover_text (view);

  if (text != NULL)
    {
      gtk_label_set_label (self->hover_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hover_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->hover_label,
                           view == self->map_view ? _("Point at an area to see its numbers.")
                                                  : _("Point at a bar or a dot to see its numbers."));
      gtk_widget_add_css_class (GTK_WIDGET (self->hover_label), "dim-label");
    }
}

static void
update_chart_kind_box (EquityExplorePage *self)
{
  EquityChartKind kind = self->chart != NULL ? equity_chart_get_kind (self->chart) : EQUITY_CHART_BARS;
  gboolean on_chart = adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->chart_view);

  gtk_widget_set_visible (self->chart_kind_box,
                          on_chart && (kind == EQUITY_CHART_BARS || kind == EQUITY_CHART_DOTS));
  self->updating = TRUE;
  gtk_toggle_button_set_active (kind == EQUITY_CHART_DOTS ? self->dots_button : self->bars_button, TRUE);
  self->updating = FALSE;
}

void
_equity_explore_page_show_result (EquityExplorePage *self,
                                  EquityResult      *result,
                                  EquityChart       *chart,
                                  EquityChart       *map,
                                  const GError      *map_error)
{
  g_autofree char *headline = equity_result_dup_headline (result);
  g_autoptr(GString) notes = g_string_new (NULL);
  const char * const *result_notes = equity_result_get_notes (result);
  gboolean had_map = self->map != NULL;

  g_set_object (&self->result, result);
  g_set_object (&self->chart, chart);
  g_set_object (&self->map, map);

  /* The chart has the title: above it, only the sentence that sums it up. */
  gtk_label_set_label (self->title_label, equity_result_get_title (result));
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_label_set_label (self->headline_label, headline);
  gtk_widget_set_visible (GTK_WIDGET (self->headline_label), headline != NULL);
  gtk_widget_set_visible (self->header_box, headline != NULL);

  equity_chart_view_set_chart (self->chart_view, chart);
  equity_chart_view_set_chart (self->map_view, map);
  adw_view_stack_page_set_visible (self->map_page, map != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), map != NULL);
  /* a result that has a map is read on the map first */
  if (map != NULL && !had_map)
    adw_view_stack_set_visible_child_name (self->view_stack, "map");
  else if (map == NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "chart");

  equity_result_table_set_result (self->table, result);

  for (guint i = 0; result_notes != NULL && result_notes[i] != NULL; i++)
    g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", result_notes[i]);
  if (equity_result_get_outside (result) > 0)
    {
      guint64 outside = equity_result_get_outside (result);
      g_autofree char *count = equity_format_count (outside);
      /* Translators: %s is a number of events, e.g. "1,204" */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s event lies in no area, or has no location that can be read, and is not counted.",
                                                            "%s events lie in no area, or have no location that can be read, and are not counted.",
                                                            outside),
                                               count);

      g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", note);
    }
  if (map_error != NULL)
    {
      g_autofree char *reason = _equity_explore_page_describe_error (self, map_error->message);
      /* Translators: %s says why, e.g. "dataset “x” has no geometry" */
      g_autofree char *note = g_strdup_printf (_("The map could not be drawn: %s"), reason);

      g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", note);
    }
  gtk_label_set_label (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->result_stack), TRUE);
  gtk_stack_set_visible_child_name (self->result_stack, "result");
  set_message (self, NULL);
  update_chart_kind_box (self);
  update_hover_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

/* Nothing to show: say what is missing, or what went wrong. */
void
_equity_explore_page_show_message (EquityExplorePage *self,
                                   const char        *icon_name,
                                   const char        *title,
                                   const char        *message)
{
  g_clear_object (&self->result);
  g_clear_object (&self->chart);
  g_clear_object (&self->map);
  equity_chart_view_set_chart (self->chart_view, NULL);
  equity_chart_view_set_chart (self->map_view, NULL);
  equity_result_table_set_result (self->table, NULL);

  {
    g_autofree char *name = equity_analysis_dup_name (get_spec (self));

    gtk_label_set_label (self->title_label, name != NULL ? name : "");
    gtk_widget_set_visible (GTK_WIDGET (self->title_label), name != NULL);
    gtk_widget_set_visible (self->header_box, name != NULL);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->headline_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), FALSE);
  gtk_widget_set_visible (self->chart_kind_box, FALSE);
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, message);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->result_stack, "message");
  set_message (self, message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

void
_equity_explore_page_show_error (EquityExplorePage *self,
                                 const char        *message)
{
  /* The last result stays in view, greyed, under what went wrong: one
   * change of a dropdown should not blank the page. */
  if (self->result == NULL)
    {
      _equity_explore_page_show_message (self, "dialog-warning-symbolic", _("This Analysis Cannot Run"), message);
      return;
    }

  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->result_stack), FALSE);
  set_message (self, message);
}

static void
editor_changed_cb (EquityExplorePage *self)
{
  _equity_explore_page_schedule_run (self);
}

static void
chart_kind_toggled_cb (EquityExplorePage *self,
                       GtkToggleButton   *button)
{
  EquityChartKind kind;

  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  kind = button == self->dots_button ? EQUITY_CHART_DOTS : EQUITY_CHART_BARS;
  self->chart_kind_edited = TRUE;
  equity_analysis_set_string (get_spec (self), "chart", equity_chart_kind_to_string (kind));
  if (self->chart != NULL)
    {
      equity_chart_set_kind (self->chart, kind);
      equity_chart_view_refresh (self->chart_view);
      update_hover_label (self);
    }
}

static void
visible_view_cb (EquityExplorePage *self)
{
  update_chart_kind_box (self);
  update_hover_label (self);
}

static void
update_intro (EquityExplorePage *self)
{
  gboolean has_datasets = FALSE;

  if (self->project != NULL)
    has_datasets = g_list_model_get_n_items (equity_project_get_datasets (self->project)) > 0;

  /* The sample is the next step only for an empty project. */
  gtk_widget_set_visible (self->sample_button, !has_datasets);
  gtk_stack_set_visible_child_name (self->stack, has_datasets ? "analysis" : "intro");
}

static void
datasets_changed_cb (EquityExplorePage *self)
{
  update_intro (self);
}

/* The editor follows a rename; what counts as saved follows it too, so a
 * rename is never taken for an unsaved change. */
static void
dataset_renamed_cb (EquityExplorePage *self,
                    const char        *old_name,
                    const char        *new_name)
{
  g_autoptr(EquityAnalysis) saved = NULL;

  if (self->saved_spec == NULL)
    return;
  saved = equity_analysis_new_from_data (self->saved_spec, -1, NULL, NULL);
  if (saved == NULL)
    return;
  equity_analysis_rename_dataset (saved, old_name, new_name);
  g_free (self->saved_spec);
  self->saved_spec = equity_analysis_to_data (saved, NULL);
}

static void
equity_explore_page_dispose (GObject *object)
{
  EquityExplorePage *self = (EquityExplorePage *)object;

  _equity_explore_page_cancel_run (self);
  _equity_explore_page_clear_actions (self);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  equity_project_signals_clear (&self->project_signals);

  /* libadwaita 1.2's switcher keeps a plain pointer to its stack, and the
   * stack is both AdwBin's child and a template child. */
  if (self->view_switcher != NULL)
    adw_view_switcher_set_stack (self->view_switcher, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_EXPLORE_PAGE);

  g_clear_object (&self->result);
  g_clear_object (&self->chart);
  g_clear_object (&self->map);
  g_clear_object (&self->analysis);
  g_clear_object (&self->project);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->saved_spec, g_free);

  G_OBJECT_CLASS (equity_explore_page_parent_class)->dispose (object);
}

static void
equity_explore_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EquityExplorePage *self = EQUITY_EXPLORE_PAGE (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_object (value, self->result);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, equity_explore_page_is_busy (self));
      break;

    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_explore_page_class_init (EquityExplorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_explore_page_dispose;
  object_class->get_property = equity_explore_page_get_property;

  properties[PROP_RESULT] =
    g_param_spec_object ("result", NULL, NULL, EQUITY_TYPE_RESULT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, EQUITY_TYPE_SAVED_ANALYSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_signal_new ("new-analysis-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (EQUITY_TYPE_ANALYSIS_EDITOR);
  g_type_ensure (EQUITY_TYPE_CHART_VIEW);
  g_type_ensure (EQUITY_TYPE_RESULT_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-explore-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, intro_page);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, flap);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, editor);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, header_box);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, chart_kind_box);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, bars_button);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, dots_button);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, result_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, message_page);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, paned);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, chart_page);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, map_page);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, map_view);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, hover_label);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EquityExplorePage, table);
}

static void
equity_explore_page_init (EquityExplorePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  equity_project_signals_init (&self->project_signals, G_CALLBACK (datasets_changed_cb),
                               G_CALLBACK (dataset_renamed_cb), self);

  g_signal_connect_object (self->editor, "changed", G_CALLBACK (editor_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->bars_button, "toggled", G_CALLBACK (chart_kind_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dots_button, "toggled", G_CALLBACK (chart_kind_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (visible_view_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "notify::hover-text", G_CALLBACK (update_hover_label),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->map_view, "notify::hover-text", G_CALLBACK (update_hover_label),
                           self, G_CONNECT_SWAPPED);

  adw_view_stack_page_set_visible (self->map_page, FALSE);
  _equity_explore_page_init_actions (self);
  update_intro (self);
  _equity_explore_page_show_message (self, "equity-explore-symbolic", _("Choose the Inputs"), NULL);
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

  _equity_explore_page_cancel_run (self);
  _equity_explore_page_set_busy (self, FALSE);
  _equity_explore_page_set_saved_analysis (self, NULL);
  equity_project_signals_set_project (&self->project_signals, project);
  equity_analysis_editor_set_project (self->editor, project);
  update_intro (self);
  equity_explore_page_new_analysis (self);
}

void
equity_explore_page_new_analysis (EquityExplorePage *self)
{
  g_autofree char *kind = NULL;

  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));

  kind = equity_analysis_dup_kind (get_spec (self));
  _equity_explore_page_set_saved_analysis (self, NULL);
  g_clear_pointer (&self->saved_spec, g_free);
  self->chart_kind_edited = FALSE;
  equity_analysis_editor_new_analysis (self->editor, kind != NULL ? kind : EQUITY_KIND_GROUP_RATES);
  _equity_explore_page_start_run (self);
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
  g_autoptr(EquityAnalysis) spec = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));
  g_return_if_fail (!analysis || EQUITY_IS_SAVED_ANALYSIS (analysis));

  _equity_explore_page_set_saved_analysis (self, analysis);
  g_clear_pointer (&self->saved_spec, g_free);
  self->chart_kind_edited = FALSE;
  if (analysis == NULL)
    return;

  spec = equity_analysis_new_from_project (self->project, equity_saved_analysis_get_name (analysis), &error);
  if (spec == NULL)
    {
      g_autofree char *message = _equity_explore_page_describe_error (self, error->message);

      _equity_explore_page_show_message (self, "dialog-warning-symbolic", _("This Analysis Cannot Be Read"), message);
      return;
    }

  /* The name it is saved under is its title. */
  if (!equity_analysis_has_key (spec, "name"))
    equity_analysis_set_string (spec, "name", equity_saved_analysis_get_name (analysis));
  if (!equity_analysis_has_key (spec, "kind"))
    equity_analysis_set_string (spec, "kind", equity_saved_analysis_get_kind (analysis));

  g_clear_object (&self->result);
  g_clear_object (&self->map);
  equity_analysis_editor_set_analysis (self->editor, spec);
  _equity_explore_page_mark_saved (self);
  gtk_stack_set_visible_child_name (self->stack, "analysis");
  _equity_explore_page_start_run (self);
}

void
equity_explore_page_open_spec (EquityExplorePage *self,
                               EquityAnalysis    *spec)
{
  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));
  g_return_if_fail (EQUITY_IS_ANALYSIS (spec));

  /* a new analysis, filled in: nothing is saved until the analyst says so */
  _equity_explore_page_set_saved_analysis (self, NULL);
  g_clear_pointer (&self->saved_spec, g_free);
  self->chart_kind_edited = FALSE;
  g_clear_object (&self->result);
  g_clear_object (&self->map);
  equity_analysis_editor_set_analysis (self->editor, spec);
  gtk_stack_set_visible_child_name (self->stack, "analysis");
  _equity_explore_page_start_run (self);
}

EquityResult *
equity_explore_page_get_result (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), NULL);

  return self->result;
}

gboolean
equity_explore_page_is_busy (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);

  return self->running || self->debounce_source != 0
         || equity_analysis_editor_is_loading (self->editor);
}

const char *
equity_explore_page_get_message (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), NULL);

  return self->message;
}

void
_equity_explore_page_set_saved_analysis (EquityExplorePage   *self,
                                         EquitySavedAnalysis *analysis)
{
  if (g_set_object (&self->analysis, analysis))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

void
_equity_explore_page_mark_saved (EquityExplorePage *self)
{
  g_free (self->saved_spec);
  self->saved_spec = equity_analysis_to_data (get_spec (self), NULL);
}

gboolean
equity_explore_page_has_unsaved_changes (EquityExplorePage *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  /* a new analysis: anything a person chose */
  if (self->analysis == NULL || self->saved_spec == NULL)
    return self->chart_kind_edited || equity_analysis_editor_is_edited (self->editor);

  /* a saved one: anything that differs from what is saved */
  now = equity_analysis_to_data (get_spec (self), NULL);
  return g_strcmp0 (now, self->saved_spec) != 0;
}

gboolean
equity_explore_page_can_save (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), FALSE);

  return self->project != NULL && self->result != NULL;
}

GtkWidget *
_equity_explore_page_get_editor (EquityExplorePage *self)
{
  return GTK_WIDGET (self->editor);
}

GtkWidget *
_equity_explore_page_get_chart_view (EquityExplorePage *self)
{
  return GTK_WIDGET (self->chart_view);
}

GtkWidget *
_equity_explore_page_get_map_view (EquityExplorePage *self)
{
  return GTK_WIDGET (self->map_view);
}

GtkWidget *
_equity_explore_page_get_table (EquityExplorePage *self)
{
  return GTK_WIDGET (self->table);
}

GtkWidget *
_equity_explore_page_get_progress_bar (EquityExplorePage *self)
{
  return GTK_WIDGET (self->progress_bar);
}

const char *
_equity_explore_page_get_headline (EquityExplorePage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->headline_label))
         ? gtk_label_get_label (self->headline_label) : NULL;
}

const char *
_equity_explore_page_get_notes (EquityExplorePage *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->notes_label))
         ? gtk_label_get_label (self->notes_label) : NULL;
}

void
_equity_explore_page_show_view (EquityExplorePage *self,
                                const char        *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
_equity_explore_page_set_chart_kind (EquityExplorePage *self,
                                     const char        *kind)
{
  gtk_toggle_button_set_active (g_strcmp0 (kind, "dots") == 0 ? self->dots_button : self->bars_button,
                                TRUE);
}
