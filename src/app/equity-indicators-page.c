/* equity-indicators-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's indicators on the left, grouped by theme and topic under
 * the city score (equity-indicators-page-list.c); the one selected on the
 * right: its trend against the target, the rates behind its score and its
 * year table (equity-indicators-page-detail.c). Every indicator is
 * evaluated in a worker, so the page never stops the window; the last
 * evaluation stays in view until the next one arrives.
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indicator-dialog.h"
#include "equity-indicators-page-private.h"
#include "equity-score-table-dialog.h"
#include "equity-utils.h"

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (EquityIndicatorsPage, equity_indicators_page, ADW_TYPE_BIN)

gboolean
_equity_indicators_page_has_analyses (EquityIndicatorsPage *self)
{
  return self->project != NULL
         && g_list_model_get_n_items (equity_project_get_analyses (self->project)) > 0;
}

/* The empty page says what an indicator is, and why one cannot be made yet. */
static void
update_empty_page (EquityIndicatorsPage *self)
{
  gboolean can_create = _equity_indicators_page_has_analyses (self);

  gtk_label_set_label (self->empty_reason_label,
                       can_create ? ""
                                  : _("An indicator is built on a saved analysis that compares two groups "
                                      "or areas. Save one in Explore first."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_reason_label), !can_create);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
}

static void
progress_cb (double   fraction,
             gpointer data)
{
  EquityIndicatorsPage *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

/* shown only when the evaluation takes a while: no flicker for a quick one */
static gboolean
show_progress_cb (gpointer data)
{
  EquityIndicatorsPage *self = data;

  self->progress_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  return G_SOURCE_REMOVE;
}

static void
set_loading (EquityIndicatorsPage *self,
             gboolean              loading)
{
  self->loading = loading;
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (loading)
    self->progress_source = g_timeout_add (300, show_progress_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* the core's board, and the list items made of it here on the main thread */
static void
set_board (EquityIndicatorsPage *self,
           EquityIndicatorBoard *board)
{
  g_clear_pointer (&self->board, equity_indicator_board_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (board == NULL)
    return;
  self->board = equity_indicator_board_ref (board);
  self->entries = equity_indicator_entries_new (board);
}

static void
show_board (EquityIndicatorsPage *self)
{
  gboolean has_entries = self->entries != NULL && self->entries->len > 0;

  /* the window lets go of the project after the page's widgets are gone */
  if (self->stack == NULL)
    return;

  update_empty_page (self);
  _equity_indicators_page_fill_list (self);
  gtk_stack_set_visible_child_name (self->stack, has_entries ? "list" : "empty");
  if (has_entries)
    _equity_indicators_page_select_id (self, self->select_after_load);
  else
    _equity_indicators_page_show_entry (self, NULL);
  self->select_after_load = 0;
  _equity_indicators_page_update_actions (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(EquityIndicatorsPage) self = user_data;
  g_autoptr(EquityIndicatorBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  board = equity_indicator_board_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);
  if (board == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  set_board (self, board);
  show_board (self);
}

void
equity_indicators_page_reload (EquityIndicatorsPage *self)
{
  g_return_if_fail (EQUITY_IS_INDICATORS_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->project == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  /* what is selected now stays selected after */
  if (self->select_after_load == 0 && _equity_indicators_page_get_selected (self) != NULL)
    self->select_after_load = equity_indicator_entry_get_id (_equity_indicators_page_get_selected (self));

  self->load_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  equity_indicator_board_load_async (equity_project_get_path (self->project), self->load_cancellable,
                                     progress_cb, self, load_cb, g_object_ref (self));
}

/* An analysis saved again or deleted changes what the indicators on it say. */
static void
analyses_changed_cb (EquityIndicatorsPage *self)
{
  update_empty_page (self);
  _equity_indicators_page_update_actions (self);
  if (self->entries != NULL && self->entries->len > 0)
    equity_indicators_page_reload (self);
}

static void
equity_indicators_page_dispose (GObject *object)
{
  EquityIndicatorsPage *self = (EquityIndicatorsPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  _equity_indicators_page_clear_actions (self);
  if (self->analyses_signals != NULL)
    g_signal_group_set_target (self->analyses_signals, NULL);
  g_clear_object (&self->analyses_signals);

  /* the rows go with the list, and it says each time that none is selected */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_INDICATORS_PAGE);

  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
  g_clear_object (&self->deleted);
  if (self->table_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->table_toast), (gpointer *) &self->table_toast);
  self->table_toast = NULL;
  g_clear_pointer (&self->previous_table, equity_score_table_unref);
  g_clear_object (&self->years);
  set_board (self, NULL);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_indicators_page_parent_class)->dispose (object);
}

static void
equity_indicators_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_indicators_page_class_init (EquityIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_indicators_page_dispose;
  object_class->get_property = equity_indicators_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EQUITY_TYPE_CHART_VIEW);
  g_type_ensure (EQUITY_TYPE_INDICATOR_DIALOG);
  g_type_ensure (EQUITY_TYPE_SCORE_TABLE_DIALOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, empty_reason_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, city_score_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, city_detail_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, score_source_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, detail_message_page);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, hover_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, rates_grid);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, rates_note_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, year_table);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorsPage, progress_bar);

  /* on the page: they act on the indicator selected in it */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "indicators.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "indicators.delete", NULL);
}

static void
equity_indicators_page_init (EquityIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->analyses_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->analyses_signals, "items-changed",
                                 G_CALLBACK (analyses_changed_cb), self, G_CONNECT_SWAPPED);

  _equity_indicators_page_init_list (self);
  _equity_indicators_page_init_detail (self);
  _equity_indicators_page_init_actions (self);
  update_empty_page (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
equity_indicators_page_new (void)
{
  return g_object_new (EQUITY_TYPE_INDICATORS_PAGE, NULL);
}

void
equity_indicators_page_set_project (EquityIndicatorsPage *self,
                                    EquityProject        *project)
{
  g_return_if_fail (EQUITY_IS_INDICATORS_PAGE (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  g_clear_object (&self->deleted);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_signal_group_set_target (self->analyses_signals,
                             project != NULL ? equity_project_get_analyses (project) : NULL);
  set_board (self, NULL);
  self->select_after_load = 0;
  show_board (self);
  equity_indicators_page_reload (self);
}

gboolean
equity_indicators_page_is_busy (EquityIndicatorsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATORS_PAGE (self), FALSE);

  return self->loading;
}

GtkListBox *
_equity_indicators_page_get_list_box (EquityIndicatorsPage *self)
{
  return self->list_box;
}

GtkColumnView *
_equity_indicators_page_get_year_table (EquityIndicatorsPage *self)
{
  return self->year_table;
}

EquityIndicatorBoard *
_equity_indicators_page_get_board (EquityIndicatorsPage *self)
{
  return self->board;
}

const char *
_equity_indicators_page_get_visible (EquityIndicatorsPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}
