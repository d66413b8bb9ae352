/* equity-indicators-page-list.c — the list of indicators: a row each with
 * its score, change and status, under a header for each theme and topic
 * with their mean scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indicators-page-private.h"

#define ENTRY_KEY "equity-indicator-entry"

static EquityIndicatorEntry *
row_entry (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ENTRY_KEY) : NULL;
}

EquityIndicatorEntry *
_equity_indicators_page_get_selected (EquityIndicatorsPage *self)
{
  return row_entry (gtk_list_box_get_selected_row (self->list_box));
}

/* The status in words and an icon, so it never rests on colour alone. */
static GtkWidget *
create_badge (EquityIndicatorStatus status)
{
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (equity_indicator_status_to_icon (status));
  GtkWidget *label = gtk_label_new (equity_indicator_status_to_label (status));

  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, status == EQUITY_INDICATOR_ON_TRACK ? "on-track"
                                   : status == EQUITY_INDICATOR_OFF_TRACK ? "off-track" : "no-data");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_box_append (GTK_BOX (badge), icon);
  gtk_box_append (GTK_BOX (badge), label);
  return badge;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  EquityIndicatorEntry *entry = item;
  const EquityIndicatorYear *latest = equity_indicator_entry_get_latest (entry);
  EquityIndicatorStatus status = equity_indicator_entry_get_status (entry);
  g_autofree char *score = equity_indicator_format_score (latest != NULL ? latest->score : NAN);
  g_autofree char *change = equity_indicator_format_change (latest != NULL ? latest->change : NAN);
  g_autofree char *change_text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *score_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name_label = gtk_label_new (equity_indicator_entry_get_name (entry));
  GtkWidget *change_label;
  GtkWidget *score_label = gtk_label_new (score);
  GtkWidget *score_caption = gtk_label_new (_("score"));

  /* Translators: a change of the equity score, e.g. "+3 since 2015" */
  change_text = g_strdup_printf (_("%s since %d"), change, equity_indicator_entry_get_baseline (entry));
  change_label = gtk_label_new (change_text);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name_label, equity_indicator_entry_get_name (entry));
  gtk_widget_add_css_class (name_label, "indicator-name");
  gtk_widget_add_css_class (change_label, "numeric");
  gtk_widget_add_css_class (change_label, "caption");
  gtk_widget_add_css_class (change_label, "dim-label");

  gtk_box_append (GTK_BOX (status_box), create_badge (status));
  gtk_box_append (GTK_BOX (status_box), change_label);
  gtk_box_append (GTK_BOX (text_box), name_label);
  gtk_box_append (GTK_BOX (text_box), status_box);
  gtk_widget_set_hexpand (text_box, TRUE);

  gtk_widget_add_css_class (score_label, "title-3");
  gtk_widget_add_css_class (score_label, "numeric");
  gtk_widget_add_css_class (score_caption, "caption");
  gtk_widget_add_css_class (score_caption, "dim-label");
  gtk_widget_set_valign (score_box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (score_box, 44, -1);
  gtk_box_append (GTK_BOX (score_box), score_label);
  gtk_box_append (GTK_BOX (score_box), score_caption);

  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), score_box);
  gtk_widget_add_css_class (box, "indicator-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), ENTRY_KEY, g_object_ref (entry), g_object_unref);
  /* Translators: what a screen reader says for an indicator's row:
   * its name, score, change and status */
  accessible = g_strdup_printf (_("%s, score %s, %s, %s"), equity_indicator_entry_get_name (entry),
                                score, change_text, equity_indicator_status_to_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static GtkWidget *
create_header_line (EquityIndicatorBoard *board,
                    const char           *title,
                    const char           *theme,
                    const char           *topic)
{
  gboolean is_theme = topic == NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  int year = 0;
  double mean = equity_indicator_board_get_mean (board, theme, topic, &year);
  g_autofree char *score = equity_indicator_format_score (mean);
  g_autofree char *mean_text = year != 0 && year != equity_indicator_board_get_year (board)
                               /* Translators: the mean score of a theme or topic in an earlier
                                * year than the others', e.g. "mean 52 in 2019" */
                               ? g_strdup_printf (_("mean %s in %d"), score, year)
                               /* Translators: the mean score of a theme or topic, e.g. "mean 52" */
                               : g_strdup_printf (_("mean %s"), score);
  GtkWidget *mean_label = gtk_label_new (mean_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, is_theme ? "heading" : "caption-heading");
  gtk_widget_add_css_class (mean_label, "numeric");
  gtk_widget_add_css_class (mean_label, is_theme ? "heading" : "caption");
  gtk_widget_add_css_class (box, is_theme ? "indicator-theme" : "indicator-topic");
  if (!is_theme)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mean_label);
  return box;
}

/* A header where a theme or a topic begins, with its mean score. */
static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  EquityIndicatorsPage *self = user_data;
  EquityIndicatorEntry *entry = row_entry (row);
  EquityIndicatorEntry *previous = row_entry (before);
  const char *theme = equity_indicator_entry_get_theme (entry);
  const char *topic = equity_indicator_entry_get_topic (entry);
  /* the means are kept under the words the indicators hold */
  const char *raw_theme = equity_indicator_get_theme (equity_indicator_entry_get_indicator (entry));
  g_autofree char *theme_key = g_strdup (raw_theme != NULL ? raw_theme : "");
  const char *raw_topic = equity_indicator_get_topic (equity_indicator_entry_get_indicator (entry));
  gboolean new_theme = previous == NULL || g_strcmp0 (theme, equity_indicator_entry_get_theme (previous)) != 0;
  gboolean new_topic = new_theme || g_strcmp0 (topic, equity_indicator_entry_get_topic (previous)) != 0;
  GtkWidget *header;

  if (!new_topic)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  if (new_theme)
    gtk_box_append (GTK_BOX (header),
                    create_header_line (self->board, theme, theme_key, NULL));
  gtk_box_append (GTK_BOX (header),
                  create_header_line (self->board, topic, theme_key, raw_topic != NULL ? raw_topic : ""));
  gtk_list_box_row_set_header (row, header);
}

static void
row_selected_cb (EquityIndicatorsPage *self,
                 GtkListBoxRow        *row)
{
  _equity_indicators_page_show_entry (self, row_entry (row));
  _equity_indicators_page_update_actions (self);
}

/* On a narrow window the list lies over the indicator: a choice closes it. */
static void
row_activated_cb (EquityIndicatorsPage *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
_equity_indicators_page_init_list (EquityIndicatorsPage *self)
{
  gtk_list_box_set_header_func (self->list_box, update_header_cb, self, NULL);
  g_signal_connect_object (self->list_box, "row-selected", G_CALLBACK (row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Every score names the table it comes from. The label may be cut (the
 * published citation is long), so "edited" comes before the source, where
 * it is always seen; the whole text is the tooltip. */
static void
update_score_source (EquityIndicatorsPage *self)
{
  g_autoptr(EquityScoreTable) table = self->project != NULL ? equity_project_dup_score_table (self->project, NULL) : NULL;
  const char *source = table != NULL ? equity_score_table_get_source (table) : NULL;
  g_autofree char *text = NULL;

  if (table != NULL && (source == NULL || source[0] == '\0'))
    source = _("no source given");
  if (table == NULL)
    text = NULL;
  else if (equity_score_table_is_published (table))
    /* Translators: %s the source of the ratio-to-score table, e.g. "Oakland Equity Indicators 2018 …" */
    text = g_strdup_printf (_("Scores by %s"), source);
  else
    /* Translators: %s the source of a ratio-to-score table whose bands differ from the published one */
    text = g_strdup_printf (_("Scores by an edited table, source: %s"), source);

  gtk_label_set_label (self->score_source_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_source_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->score_source_label), text != NULL);
}

static void
update_city_score (EquityIndicatorsPage *self)
{
  EquityIndicatorBoard *board = self->board;
  guint n = self->entries != NULL ? self->entries->len : 0;
  guint n_off = 0;
  g_autofree char *score = equity_indicator_format_score (equity_indicator_board_get_mean (board, NULL, NULL, NULL));
  g_autofree char *change = equity_indicator_format_change (equity_indicator_board_get_city_change (board));
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < n; i++)
    if (equity_indicator_entry_get_status (g_ptr_array_index (self->entries, i)) == EQUITY_INDICATOR_OFF_TRACK)
      n_off++;

  /* Translators: how many indicators the city score is the mean of */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n), n);
  if (board != NULL && equity_indicator_board_get_year (board) != 0)
    {
      /* Translators: the city's equity score (1–100) and its year, e.g. "City score 47 in 2021" */
      title = g_strdup_printf (_("City score %s in %d"), score, equity_indicator_board_get_year (board));
      /* Translators: e.g. "5 indicators · 2 off track · +1 since 2015" */
      detail = g_strdup_printf (_("%s · %u off track · %s since %d"), count, n_off, change,
                                equity_indicator_board_get_first_year (board));
    }
  else
    {
      /* Translators: the city's equity score when no year has one */
      title = g_strdup_printf (_("City score %s"), score);
      /* Translators: e.g. "5 indicators · 2 off track" */
      detail = g_strdup_printf (_("%s · %u off track"), count, n_off);
    }
  gtk_label_set_label (self->city_score_label, title);
  gtk_label_set_label (self->city_detail_label, detail);
  update_score_source (self);
}

void
_equity_indicators_page_fill_list (EquityIndicatorsPage *self)
{
  g_autoptr(GListStore) store = g_list_store_new (EQUITY_TYPE_INDICATOR_ENTRY);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    g_list_store_append (store, g_ptr_array_index (self->entries, i));

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (store), create_row, self, NULL);
  update_city_score (self);
}

void
_equity_indicators_page_select_id (EquityIndicatorsPage *self,
                                   gint64                id)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);
  GtkListBoxRow *found = NULL;

  for (int i = 0; id != 0 && found == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (equity_indicator_entry_get_id (row_entry (row)) == id)
        found = row;
    }

  found = found != NULL ? found : first;
  /* select_row() says nothing when the row was selected already */
  if (found == gtk_list_box_get_selected_row (self->list_box))
    row_selected_cb (self, found);
  else
    gtk_list_box_select_row (self->list_box, found);
}
