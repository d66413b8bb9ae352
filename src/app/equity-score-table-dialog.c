/* equity-score-table-dialog.c — the project's ratio-to-score table as an
 * editable list of bands, with its source, the published table one click
 * away and a live preview; a table that cannot score is refused inline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-score-table-dialog.h"
#include "equity-utils.h"
#include "equity-value-parse.h"

struct _EquityScoreTableDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkWidget        *save_button;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkListBox       *bands_list;
  GtkWidget        *headings_spacer;
  AdwEntryRow      *source_row;
  AdwActionRow     *published_row;
  GtkLabel         *preview_label;

  /* Owned references */
  EquityProject    *project;
  EquityScoreTable *previous;     /* the table when the dialog opened */
  GPtrArray        *rows;         /* BandRow, in the order shown */
  GtkSizeGroup     *button_sizes; /* the remove buttons and the headings' spacer */
};

G_DEFINE_FINAL_TYPE (EquityScoreTableDialog, equity_score_table_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* the ratios the preview scores: the worked values of FRAMEWORK-ANCHORS §1
 * and one in each other band of the published table */
static const double preview_ratios[] = { 0.75, 1.05, 1.25, 1.63, 2.12, 3.08, 6.00, 12.00 };

typedef struct
{
  GtkWidget   *row;
  GtkEditable *entries[3];   /* start, first score, step */
} BandRow;

static void
show_error (EquityScoreTableDialog *self,
            const char             *message)
{
  equity_error_revealer_set (self->error_revealer, self->error_label, message);
}

/* The table as typed, or NULL with ERROR naming the band and the column. */
static EquityScoreTable *
read_table (EquityScoreTableDialog  *self,
            GError                 **error)
{
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (EquityScoreBand));
  g_autoptr(EquityScoreTable) table = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      BandRow *band_row = g_ptr_array_index (self->rows, i);
      g_autofree char *start = g_strstrip (g_strdup (gtk_editable_get_text (band_row->entries[0])));
      g_autofree char *score = g_strstrip (g_strdup (gtk_editable_get_text (band_row->entries[1])));
      g_autofree char *step = g_strstrip (g_strdup (gtk_editable_get_text (band_row->entries[2])));
      EquityScoreBand band;
      gint64 first_score;

      if (!equity_parse_number (start, &band.start))
        {
          /* Translators: %u a band's number, %s what was typed */
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Band %u: “%s” is not a ratio; expected a number such as 1.005"), i + 1, start);
          return NULL;
        }
      if (!equity_parse_integer (score, &first_score))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Band %u: “%s” is not a score; expected a whole score from 1 to 100"), i + 1, score);
          return NULL;
        }
      if (!equity_parse_number (step, &band.step))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Band %u: “%s” is not a step; expected a number such as 0.025 (0 for none)"), i + 1, step);
          return NULL;
        }
      band.first_score = (int) CLAMP (first_score, G_MININT, G_MAXINT);
      g_array_append_val (bands, band);
    }
  table = equity_score_table_new ((const EquityScoreBand *) (gpointer) bands->data, bands->len,
                                  gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
  if (!equity_score_table_validate (table, error))
    return NULL;
  return g_steal_pointer (&table);
}

static void
update_preview (EquityScoreTableDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityScoreTable) table = read_table (self, &error);
  g_autoptr(GString) preview = g_string_new (NULL);

  show_error (self, error != NULL ? error->message : NULL);
  gtk_widget_set_sensitive (self->save_button, table != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "score-table.save", table != NULL);
  if (table == NULL)
    {
      gtk_label_set_label (self->preview_label, _("Preview: none until the table can score"));
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (preview_ratios); i++)
    {
      g_autofree char *ratio = equity_format_number (preview_ratios[i], 2);
      g_autofree char *score = equity_format_number (equity_score_table_score (table, preview_ratios[i]), 0);

      g_autofree char *item = NULL;
      g_auto(GStrv) words = NULL;

      if (preview->len > 0)
        g_string_append (preview, "   ·   ");
      /* Translators: one item of the preview, e.g. "ratio 2.12 → 40" */
      item = g_strdup_printf (_("ratio %s → %s"), ratio, score);
      /* an item wraps as a whole: its spaces do not break */
      words = g_strsplit (item, " ", -1);
      g_clear_pointer (&item, g_free);
      item = g_strjoinv ("\u00a0", words);
      g_string_append (preview, item);
    }
  gtk_label_set_label (self->preview_label, preview->str);
}

static void remove_band_cb (EquityScoreTableDialog *self,
                            GtkButton              *button);

static GtkEditable *
create_entry (const char *text,
              const char *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return GTK_EDITABLE (entry);
}

static void
append_band (EquityScoreTableDialog *self,
             const EquityScoreBand  *band)
{
  BandRow *band_row = g_new0 (BandRow, 1);
  g_autofree char *start = g_strdup_printf ("%.3f", band->start);
  g_autofree char *score = g_strdup_printf ("%d", band->first_score);
  g_autofree char *step = g_strdup_printf ("%.3f", band->step);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  band_row->entries[0] = create_entry (start, _("Ratio from"));
  band_row->entries[1] = create_entry (score, _("First score"));
  band_row->entries[2] = create_entry (step, _("One point less every"));
  for (guint c = 0; c < 3; c++)
    {
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (band_row->entries[c]));
      g_signal_connect_object (band_row->entries[c], "changed", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
    }
  gtk_widget_set_tooltip_text (remove, _("Remove Band"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Band"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_size_group_add_widget (self->button_sizes, remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_band_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  band_row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (band_row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (band_row->row), box);
  g_object_set_data (G_OBJECT (remove), "band-row", band_row);
  gtk_list_box_append (self->bands_list, band_row->row);
  g_ptr_array_add (self->rows, band_row);
}

static void
remove_band_cb (EquityScoreTableDialog *self,
                GtkButton              *button)
{
  BandRow *band_row = g_object_get_data (G_OBJECT (button), "band-row");

  gtk_list_box_remove (self->bands_list, band_row->row);
  g_ptr_array_remove (self->rows, band_row);
  update_preview (self);
}

static void
set_table (EquityScoreTableDialog *self,
           EquityScoreTable       *table)
{
  while (self->rows->len > 0)
    {
      BandRow *band_row = g_ptr_array_index (self->rows, self->rows->len - 1);

      gtk_list_box_remove (self->bands_list, band_row->row);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
  for (guint i = 0; i < equity_score_table_get_n_bands (table); i++)
    append_band (self, equity_score_table_get_band (table, i));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         equity_score_table_get_source (table) != NULL ? equity_score_table_get_source (table) : "");
  update_preview (self);
}

/* A new band after the last: its start a little above, its scores going on. */
static void
add_band_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  EquityScoreTableDialog *self = EQUITY_SCORE_TABLE_DIALOG (widget);
  EquityScoreBand band = { 1.0, 100, 0.0 };

  if (self->rows->len > 0)
    {
      BandRow *last = g_ptr_array_index (self->rows, self->rows->len - 1);
      double start = 1.0;
      gint64 score = 100;

      equity_parse_number (gtk_editable_get_text (last->entries[0]), &start);
      equity_parse_integer (gtk_editable_get_text (last->entries[1]), &score);
      band.start = floor (start) + 1.0;
      band.first_score = (int) CLAMP (score - 1, 1, 100);
    }
  append_band (self, &band);
  gtk_widget_grab_focus (GTK_WIDGET (((BandRow *) g_ptr_array_index (self->rows, self->rows->len - 1))->entries[0]));
  update_preview (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(EquityScoreTable) published = equity_score_table_new_default ();

  set_table (EQUITY_SCORE_TABLE_DIALOG (widget), published);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EquityScoreTableDialog *self = EQUITY_SCORE_TABLE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityScoreTable) table = read_table (self, &error);

  if (table == NULL || !equity_project_set_score_table (self->project, table, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, self->previous);
  gtk_window_close (GTK_WINDOW (self));
}

static void
equity_score_table_dialog_dispose (GObject *object)
{
  EquityScoreTableDialog *self = (EquityScoreTableDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_SCORE_TABLE_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->button_sizes);
  g_clear_pointer (&self->previous, equity_score_table_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_score_table_dialog_parent_class)->dispose (object);
}

static void
equity_score_table_dialog_class_init (EquityScoreTableDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_score_table_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, EQUITY_TYPE_SCORE_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-score-table-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, bands_list);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, headings_spacer);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, EquityScoreTableDialog, preview_label);

  gtk_widget_class_install_action (widget_class, "score-table.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "score-table.add-band", NULL, add_band_action);
  gtk_widget_class_install_action (widget_class, "score-table.restore", NULL, restore_action);
}

static void
equity_score_table_dialog_init (EquityScoreTableDialog *self)
{
  g_autoptr(EquityScoreTable) published = equity_score_table_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->button_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_size_group_add_widget (self->button_sizes, self->headings_spacer);
  /* the citation as plain text (the row is set not to read markup) */
  adw_action_row_set_subtitle (self->published_row, equity_score_table_get_source (published));
  g_signal_connect_object (self->source_row, "changed", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
}

GtkWindow *
equity_score_table_dialog_new (GtkWindow     *parent,
                               EquityProject *project,
                               GError       **error)
{
  g_autoptr(EquityScoreTable) table = NULL;
  EquityScoreTableDialog *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  table = equity_project_dup_score_table (project, error);
  if (table == NULL)
    return NULL;
  self = g_object_new (EQUITY_TYPE_SCORE_TABLE_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->previous = equity_score_table_ref (table);
  set_table (self, table);
  return GTK_WINDOW (self);
}

GtkEditable *
_equity_score_table_dialog_get_band_entry (EquityScoreTableDialog *self,
                                           guint                   band,
                                           guint                   column)
{
  g_return_val_if_fail (band < self->rows->len && column < 3, NULL);

  return ((BandRow *) g_ptr_array_index (self->rows, band))->entries[column];
}

const char *
_equity_score_table_dialog_get_preview (EquityScoreTableDialog *self)
{
  return gtk_label_get_label (self->preview_label);
}

const char *
_equity_score_table_dialog_get_error (EquityScoreTableDialog *self)
{
  return equity_error_revealer_get (self->error_revealer, self->error_label);
}

GtkEditable *
_equity_score_table_dialog_get_source (EquityScoreTableDialog *self)
{
  return GTK_EDITABLE (self->source_row);
}

GtkWidget *
_equity_score_table_dialog_get_save_button (EquityScoreTableDialog *self)
{
  return self->save_button;
}
