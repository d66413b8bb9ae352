/* equity-scan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-scan-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-scan-page.h"

/* A list widget per line: past this many the page says where the rest are */
#define MAX_LINES 300

struct _EquityScanPage
{
  AdwBin          parent_instance;

  GtkButton      *run_button;
  GtkProgressBar *progress;
  GtkButton      *cancel_button;
  GtkLabel       *date_label;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *fdr_label;
  GtkListBox     *gap_list;
  GtkLabel       *funnel_label;
  GtkDrawingArea *funnel_area;

  EquityProject  *project;
  EquityScan     *scan;
  GCancellable   *cancellable;
  const EquityFunnel *funnel;   /* owned by scan */
};

G_DEFINE_FINAL_TYPE (EquityScanPage, equity_scan_page, ADW_TYPE_BIN)

enum { OPEN_MEASURE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const EquityFunnel *
find_funnel (EquityScanPage *self,
             const char     *measure_id)
{
  GPtrArray *funnels = self->scan != NULL ? equity_scan_get_funnels (self->scan) : NULL;

  for (guint i = 0; funnels != NULL && i < funnels->len; i++)
    {
      const EquityFunnel *funnel = g_ptr_array_index (funnels, i);
      if (measure_id == NULL || g_strcmp0 (funnel->measure_id, measure_id) == 0)
        return funnel;
    }
  return NULL;
}

static void
show_funnel (EquityScanPage     *self,
             const EquityFunnel *funnel)
{
  self->funnel = funnel;
  if (funnel != NULL)
    {
      /* Translators: the heading over the funnel plot of a measure */
      g_autofree char *heading = g_strdup_printf (_("Funnel plot: %s"), funnel->title);
      gtk_label_set_text (self->funnel_label, heading);
    }
  else if (self->scan != NULL && equity_scan_get_funnels (self->scan)->len == 0 &&
           equity_scan_get_record (self->scan)->measures->len > 0)
    gtk_label_set_text (self->funnel_label, _("Run Scan to draw the funnel plot of an area measure."));
  else
    gtk_label_set_text (self->funnel_label, _("Select a line of an area measure to see its funnel plot."));
  gtk_widget_set_visible (GTK_WIDGET (self->funnel_area), funnel != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->funnel_area));
}

static void
draw_funnel (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  EquityScanPage *self = data;

  if (self->funnel != NULL)
    equity_scan_draw_funnel (cr, self->funnel, width, height);
}

static char *
format_p (double p)
{
  if (isnan (p))
    return g_strdup (_("not available"));
  if (p < 0.001)
    return g_strdup ("< 0.001");
  return g_strdup_printf ("%.3f", p);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* One gap: its words carry everything; colour only repeats them */
static GtkWidget *
gap_row_new (const EquityScanGap *gap)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = NULL;
  g_autofree char *ratio = equity_format_number (gap->ratio, 2);
  g_autofree char *low = equity_format_number (gap->ratio_low, 2);
  g_autofree char *high = equity_format_number (gap->ratio_high, 2);
  g_autofree char *adjusted = format_p (gap->p_adjusted);
  g_autofree char *detail = NULL;
  const char *worse = gap->group_worse ? equity_scan_gap_get_label (gap) : gap->reference;
  const char *better = gap->group_worse ? gap->reference : equity_scan_gap_get_label (gap);
  const char *change = equity_scan_change_to_label (gap->change);
  GtkWidget *badge;

  /* Translators: rank, measure, grouping (a column name) and group */
  title = g_strdup_printf (_("%u. %s — %s: %s"), gap->rank, gap->measure, gap->grouping,
                           equity_scan_gap_get_label (gap));
  /* Translators: "Ratio 3.11 (3.01–3.22): Black higher than White · adjusted p < 0.001" */
  detail = g_strdup_printf (_("Ratio %s (%s–%s): %s higher than %s · adjusted p %s"),
                            ratio, low, high, worse, better, adjusted);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  add_label (box, title, "heading");
  add_label (box, detail, NULL);
  badge = add_label (badges, gap->significant ? _("Significant") : _("Not significant"), "caption");
  gtk_widget_add_css_class (badge, gap->significant ? "warning" : "dim-label");
  if (gap->suppressed)
    {
      badge = add_label (badges, _("Small count: withheld in the workbook"), "caption");
      gtk_widget_add_css_class (badge, "dim-label");
    }
  if (change != NULL)
    {
      badge = add_label (badges, change, "caption");
      gtk_widget_add_css_class (badge, gap->change == EQUITY_SCAN_CHANGE_CLOSED ? "success" : "accent");
    }
  gtk_box_append (GTK_BOX (box), badges);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (EquityScanPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gap_list))) != NULL)
    gtk_list_box_remove (self->gap_list, child);
}

static void
append_note_row (EquityScanPage *self,
                 const char     *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->gap_list, row);
}

static void
show_scan (EquityScanPage *self)
{
  EquityScanRecord *record;
  GPtrArray *closed;
  g_autofree char *fdr = NULL;
  g_autofree char *when = NULL;
  g_autofree char *date = NULL;

  clear_list (self);
  if (self->scan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_text (self->date_label, "");
      show_funnel (self, NULL);
      return;
    }

  record = equity_scan_get_record (self->scan);
  fdr = equity_scan_dup_fdr_note (self->scan);
  gtk_label_set_text (self->fdr_label, fdr);
  if (record->run_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (record->run_at);
      date = g_date_time_format (local, "%Y-%m-%d %H:%M");
      /* Translators: when the scan shown was run */
      when = g_strdup_printf (_("Scan of %s"), date);
    }
  gtk_label_set_text (self->date_label, when != NULL ? when : "");

  for (guint i = 0; i < MIN (record->gaps->len, MAX_LINES); i++)
    gtk_list_box_append (self->gap_list, gap_row_new (g_ptr_array_index (record->gaps, i)));
  if (record->gaps->len > MAX_LINES)
    {
      g_autofree char *more = g_strdup_printf (_("%u more comparisons, ranked lower, are in the workbook’s Scan "
                                                 "sheet and in “asheville-equity-cli scan”."),
                                               record->gaps->len - MAX_LINES);
      append_note_row (self, more);
    }
  closed = equity_scan_get_closed (self->scan);
  for (guint i = 0; i < closed->len; i++)
    gtk_list_box_append (self->gap_list, gap_row_new (g_ptr_array_index (closed, i)));
  if (record->gaps->len == 0)
    append_note_row (self, _("No measure compares groups or areas yet: save an analysis by group or by area "
                             "in Explore, then run the scan again."));
  for (const char * const *problem = equity_scan_get_problems (self->scan); *problem != NULL; problem++)
    {
      g_autofree char *line = g_strdup_printf (_("Left out: %s"), *problem);
      append_note_row (self, line);
    }

  show_funnel (self, find_funnel (self, NULL));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

/* the gap a row shows: ranked gaps first, then the closed ones */
static const EquityScanGap *
row_gap (EquityScanPage *self,
         GtkListBoxRow  *row)
{
  EquityScanRecord *record = equity_scan_get_record (self->scan);
  GPtrArray *closed = equity_scan_get_closed (self->scan);
  guint shown = MIN (record->gaps->len, MAX_LINES);
  int index = gtk_list_box_row_get_index (row);

  if (index < 0)
    return NULL;
  if ((guint) index < shown)
    return g_ptr_array_index (record->gaps, index);
  index -= shown + (record->gaps->len > MAX_LINES ? 1 : 0);
  if (index >= 0 && (guint) index < closed->len)
    return g_ptr_array_index (closed, index);
  return NULL;
}

static void
row_selected (GtkListBox    *list,
              GtkListBoxRow *row,
              gpointer       data)
{
  EquityScanPage *self = data;
  const EquityScanGap *gap = row != NULL && self->scan != NULL ? row_gap (self, row) : NULL;
  const EquityFunnel *funnel = gap != NULL ? find_funnel (self, gap->measure_id) : NULL;

  if (funnel != NULL)
    show_funnel (self, funnel);
}

static void
row_activated (GtkListBox    *list,
               GtkListBoxRow *row,
               gpointer       data)
{
  EquityScanPage *self = data;
  const EquityScanGap *gap = self->scan != NULL ? row_gap (self, row) : NULL;
  const EquityScanMeasure *measure;

  if (gap == NULL)
    return;
  measure = equity_scan_record_find_measure (equity_scan_get_record (self->scan), gap->measure_id);
  if (measure != NULL)
    g_signal_emit (self, signals[OPEN_MEASURE], 0, measure->analysis, measure->spec);
}

static void
set_running (EquityScanPage *self,
             gboolean        running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.run", !running && self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scan.cancel", running);
  if (running)
    gtk_progress_bar_set_fraction (self->progress, 0.0);
}

static void
scan_progress (double   fraction,
               gpointer data)
{
  EquityScanPage *self = data;
  g_autofree char *text = g_strdup_printf (_("Scanning… %.0f%%"), fraction * 100.0);

  gtk_progress_bar_set_fraction (self->progress, fraction);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
scan_finished (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(EquityScanPage) self = data;
  g_autoptr(GError) error = NULL;
  EquityScan *scan = equity_scan_run_finish (result, &error);

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  if (scan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_title (self->empty_page, _("The Scan Could Not Run"));
          adw_status_page_set_description (self->empty_page, error->message);
          g_clear_object (&self->scan);
          show_scan (self);
        }
      return;
    }
  g_clear_object (&self->scan);
  self->scan = scan;
  show_scan (self);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  EquityScanPage *self = EQUITY_SCAN_PAGE (widget);

  if (self->project == NULL || self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  /* stored as it runs, so the next scan can say what is new and what closed */
  equity_scan_run_async (equity_project_get_path (self->project), TRUE, self->cancellable,
                         scan_progress, self, scan_finished, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EquityScanPage *self = EQUITY_SCAN_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
equity_scan_page_set_project (EquityScanPage *self,
                              EquityProject  *project)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EQUITY_IS_SCAN_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->project, project);
  g_clear_object (&self->scan);
  self->funnel = NULL;
  if (project != NULL)
    self->scan = equity_scan_load_latest (project, &error);
  if (error != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Stored Scan Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
  set_running (self, FALSE);
  show_scan (self);
}

EquityScan *
equity_scan_page_get_scan (EquityScanPage *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN_PAGE (self), NULL);
  return self->scan;
}

gboolean
equity_scan_page_is_running (EquityScanPage *self)
{
  g_return_val_if_fail (EQUITY_IS_SCAN_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

static void
equity_scan_page_dispose (GObject *object)
{
  EquityScanPage *self = EQUITY_SCAN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scan);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_SCAN_PAGE);

  G_OBJECT_CLASS (equity_scan_page_parent_class)->dispose (object);
}

static void
equity_scan_page_class_init (EquityScanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_scan_page_dispose;

  signals[OPEN_MEASURE] = g_signal_new ("open-measure", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/asheville/Equity/ui/equity-scan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, run_button);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, progress);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, fdr_label);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, gap_list);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, funnel_label);
  gtk_widget_class_bind_template_child (widget_class, EquityScanPage, funnel_area);

  gtk_widget_class_install_action (widget_class, "scan.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "scan.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "scan.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "scan.cancel", NULL);
}

static void
equity_scan_page_init (EquityScanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->funnel_area, draw_funnel, self, NULL);
  g_signal_connect (self->gap_list, "row-selected", G_CALLBACK (row_selected), self);
  g_signal_connect (self->gap_list, "row-activated", G_CALLBACK (row_activated), self);
  set_running (self, FALSE);
  show_scan (self);
}

GtkWidget *
equity_scan_page_new (void)
{
  return g_object_new (EQUITY_TYPE_SCAN_PAGE, NULL);
}
