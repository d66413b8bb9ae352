/* equity-indicators-page-detail.c — the indicator selected: its trend
 * chart, the rates behind its score and its year table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indexed-item.h"
#include "equity-indicators-page-private.h"
#include "equity-utils.h"

static const EquityIndicatorYear *
item_year (gpointer item)
{
  EquityIndexedItem *self = item;

  return equity_indicator_entry_get_year (equity_indexed_item_get_owner (self),
                                          equity_indexed_item_get_index (self));
}

/* "2.12 (1.95–2.30)" style pieces, the missing mark where there is nothing */
static char *
format_value (double value)
{
  return equity_format_number (value, equity_format_rate_decimals (value));
}

static char *
format_interval (double low,
                 double high)
{
  g_autofree char *l = NULL;
  g_autofree char *h = NULL;

  if (isnan (low) || isnan (high))
    return g_strdup (EQUITY_FORMAT_MISSING);
  l = format_value (low);
  h = format_value (high);
  return g_strdup_printf ("%s–%s", l, h);
}

/* the two groups' rates: "84.0 vs 30.0" */
static char *
format_rates (double rate_a,
              double rate_b)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (isnan (rate_a) && isnan (rate_b))
    return g_strdup (EQUITY_FORMAT_MISSING);
  a = format_value (rate_a);
  b = format_value (rate_b);
  /* Translators: the disadvantaged and the advantaged group's rates, "84.0 vs 30.0" */
  return g_strdup_printf (_("%s vs %s"), a, b);
}

typedef enum
{
  YEAR_COLUMN_YEAR,
  YEAR_COLUMN_VALUE,
  YEAR_COLUMN_INTERVAL,
  YEAR_COLUMN_TARGET,
  YEAR_COLUMN_RATES,
  YEAR_COLUMN_SCORE,
  YEAR_COLUMN_CHANGE,
  N_YEAR_COLUMNS
} YearColumn;

static const char *year_column_titles[N_YEAR_COLUMNS] = {
  /* "Value" reads "Ratio" or "Percent", as the indicator is (show_entry) */
  N_("Year"), N_("Value"), N_("Interval"), N_("Target"), N_("Rates"), N_("Score"), N_("Change"),
};

char *
_equity_indicators_page_dup_year_cell (const EquityIndicatorYear *year,
                                       guint                  column)
{
  switch ((YearColumn) column)
    {
    case YEAR_COLUMN_YEAR:
      return g_strdup_printf ("%d", year->year);
    case YEAR_COLUMN_VALUE:
      return format_value (year->value);
    case YEAR_COLUMN_INTERVAL:
      return format_interval (year->low, year->high);
    case YEAR_COLUMN_TARGET:
      return format_value (year->target);
    case YEAR_COLUMN_RATES:
      return format_rates (year->rate_a, year->rate_b);
    case YEAR_COLUMN_SCORE:
      return equity_indicator_format_score (year->score);
    case YEAR_COLUMN_CHANGE:
      return equity_indicator_format_change (year->change);
    case N_YEAR_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == YEAR_COLUMN_YEAR ? 0.0 : 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const EquityIndicatorYear *year = item_year (gtk_list_item_get_item (list_item));
  g_autofree char *text = _equity_indicators_page_dup_year_cell (year, GPOINTER_TO_UINT (user_data));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* The year under the pointer in the indicator's terms: the chart's own
 * summary speaks of rates per person, and a year here is a ratio. */
static void
hover_changed_cb (EquityIndicatorsPage *self)
{
  EquityIndicatorEntry *entry = _equity_indicators_page_get_selected (self);
  int row = equity_chart_view_get_hovered_row (self->chart_view);
  const EquityIndicatorYear *year;
  g_autofree char *value = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *target = NULL;
  g_autofree char *score = NULL;
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;

  if (entry == NULL || row < 0 || (guint) row >= equity_indicator_entry_get_n_years (entry))
    {
      gtk_label_set_label (self->hover_label, _("Point at a year to see its numbers."));
      return;
    }

  year = equity_indicator_entry_get_year (entry, row);
  value = format_value (year->value);
  interval = format_interval (year->low, year->high);
  target = format_value (year->target);
  score = equity_indicator_format_score (year->score);
  change = equity_indicator_format_change (year->change);
  /* Translators: a year of an indicator under the pointer:
   * "2021: 3.19 (3.03–3.35), target 2.89, score 33 (−1)" */
  text = g_strdup_printf (_("%d: %s (%s), target %s, score %s (%s)"),
                          year->year, value, interval, target, score, change);
  gtk_label_set_label (self->hover_label, text);
  /* the view has just set its own words as the tooltip: these replace them */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart_view), text);
}

void
_equity_indicators_page_init_detail (EquityIndicatorsPage *self)
{
  self->years = g_list_store_new (EQUITY_TYPE_INDEXED_ITEM);
  equity_column_view_show_rows (self->year_table, G_LIST_MODEL (self->years));

  for (guint i = 0; i < N_YEAR_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(year_column_titles[i]), g_steal_pointer (&factory));
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->year_table, column);
    }

  g_signal_connect_object (self->chart_view, "notify::hover-text", G_CALLBACK (hover_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hover_changed_cb (self);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  if (column == 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
attach_rate_row (GtkGrid    *grid,
                 int         row,
                 const char *name,
                 double      value,
                 double      low,
                 double      high)
{
  g_autofree char *text = format_value (value);
  g_autofree char *interval = format_interval (low, high);

  attach_label (grid, name, 0, row, NULL);
  attach_label (grid, text, 1, row, NULL);
  attach_label (grid, interval, 2, row, "dim-label");
}

/* The two groups' rates beside the score: a high score can also mean that
 * both groups are equally badly off. */
static void
show_rates (EquityIndicatorsPage *self,
            EquityIndicatorEntry *entry)
{
  const EquityIndicatorYear *latest = equity_indicator_entry_get_latest (entry);
  const char *source = equity_indicator_get_source (equity_indicator_entry_get_indicator (entry));
  GtkWidget *child;
  g_autofree char *note = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rates_grid))) != NULL)
    gtk_grid_remove (self->rates_grid, child);

  if (latest == NULL)
    {
      gtk_label_set_label (self->rates_note_label, _("No year has figures yet."));
      gtk_widget_set_visible (GTK_WIDGET (self->rates_grid), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->rates_grid), TRUE);
  if (equity_indicator_get_kind (equity_indicator_entry_get_indicator (entry)) == EQUITY_INDICATOR_PERCENTAGE)
    {
      attach_label (self->rates_grid, "", 0, 0, NULL);
      attach_label (self->rates_grid, _("Percent"), 1, 0, "caption-heading");
      attach_label (self->rates_grid, _("Interval"), 2, 0, "caption-heading");
      attach_rate_row (self->rates_grid, 1, equity_indicator_entry_get_name (entry),
                       latest->value, latest->low, latest->high);
      /* Translators: under a percentage indicator's figure; %d is its year */
      note = g_strdup_printf (_("In %d. A percentage scores as the percentage of the good outcome, "
                                "so it says nothing of a gap between groups."), latest->year);
      gtk_label_set_label (self->rates_note_label, note);
      return;
    }
  attach_label (self->rates_grid, "", 0, 0, NULL);
  attach_label (self->rates_grid, _("Rate"), 1, 0, "caption-heading");
  attach_label (self->rates_grid, _("Interval"), 2, 0, "caption-heading");
  if (equity_indicator_entry_get_group_a (entry) != NULL)
    {
      attach_rate_row (self->rates_grid, 1, equity_indicator_entry_get_group_a (entry),
                       latest->rate_a, latest->rate_a_low, latest->rate_a_high);
      attach_rate_row (self->rates_grid, 2, equity_indicator_entry_get_group_b (entry),
                       latest->rate_b, latest->rate_b_low, latest->rate_b_high);
    }
  attach_rate_row (self->rates_grid, 3, _("Ratio (≥ 1: inequity)"),
                   latest->ratio, latest->ratio_low, latest->ratio_high);

  if (equity_indicator_entry_get_group_a (entry) != NULL)
    /* Translators: under the rates: the year they are of, and their units */
    note = g_strdup_printf (_("In %d, %s. The score reads only the ratio: when both rates are poor, "
                              "a high score hides it."),
                            latest->year, equity_indicator_entry_get_units (entry));
  else
    /* Translators: under a typed indicator's ratio: its year and where the values come from */
    note = g_strdup_printf (_("In %d. The ratios were typed or imported (%s): the rates behind them "
                              "are not in the project."),
                            latest->year, source != NULL && source[0] != '\0' ? source : _("no source given"));
  gtk_label_set_label (self->rates_note_label, note);
}

static void
show_headline (EquityIndicatorsPage *self,
               EquityIndicatorEntry *entry)
{
  const EquityIndicatorYear *latest = equity_indicator_entry_get_latest (entry);
  EquityIndicatorStatus status = equity_indicator_entry_get_status (entry);
  g_autofree char *path = g_strdup_printf ("%s › %s", equity_indicator_entry_get_theme (entry),
                                           equity_indicator_entry_get_topic (entry));
  g_autofree char *headline = NULL;

  if (latest != NULL)
    {
      g_autofree char *score = equity_indicator_format_score (latest->score);
      g_autofree char *change = equity_indicator_format_change (latest->change);

      /* Translators: e.g. "Score 40 in 2021, +3 since 2015 · Off track" */
      headline = g_strdup_printf (_("Score %s in %d, %s since %d · %s"), score, latest->year, change,
                                  equity_indicator_entry_get_baseline (entry),
                                  equity_indicator_status_to_label (status));
    }
  else
    headline = g_strdup (equity_indicator_status_to_label (status));

  gtk_label_set_label (self->path_label, path);
  gtk_label_set_label (self->name_label, equity_indicator_entry_get_name (entry));
  gtk_label_set_label (self->headline_label, headline);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), equity_indicator_entry_get_error (entry) != NULL);
  gtk_label_set_label (self->error_label, equity_indicator_entry_get_error (entry) != NULL
                                          ? equity_indicator_entry_get_error (entry) : "");
}

void
_equity_indicators_page_show_entry (EquityIndicatorsPage *self,
                                    EquityIndicatorEntry *entry)
{
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  gboolean percentage;
  guint n_years;

  g_list_store_remove_all (self->years);
  if (entry == NULL)
    {
      equity_chart_view_set_chart (self->chart_view, NULL);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  percentage = equity_indicator_get_kind (equity_indicator_entry_get_indicator (entry)) == EQUITY_INDICATOR_PERCENTAGE;

  show_headline (self, entry);
  column = g_list_model_get_item (gtk_column_view_get_columns (self->year_table), YEAR_COLUMN_VALUE);
  gtk_column_view_column_set_title (column, percentage ? _("Percent") : _("Ratio"));
  chart = equity_indicator_entry_create_chart (entry);
  equity_chart_view_set_chart (self->chart_view, chart);
  show_rates (self, entry);

  n_years = equity_indicator_entry_get_n_years (entry);
  for (guint i = 0; i < n_years; i++)
    {
      g_autoptr(EquityIndexedItem) item = equity_indexed_item_new (entry, i);

      g_list_store_append (self->years, item);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}
