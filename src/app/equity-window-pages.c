/* equity-window-pages.c — the pages after Datasets: built when first needed,
 * given the project when first shown
 *
 * The template holds only the Datasets page. Building the other five, then
 * styling and measuring them when the window was realized, took about a
 * sixth of the time to the window's first frame (bench/README.md), though
 * none of them shows in it. Each sits in the view stack as an empty AdwBin,
 * so the switchers list every page from the start, and is made the first
 * time it is shown or the window needs it (an analysis opened from the
 * sidebar, a measure from the scan). What a page loads from the project
 * waits until it is shown, too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include "equity-window-private.h"

typedef struct
{
  EquityWindowPage   page;
  const char        *name;      /* in the view stack */
  GType            (*get_type) (void);
  gsize              slot;      /* offsets in EquityWindow */
  gsize              widget;
} PageInfo;

static const PageInfo pages[] = {
  { EQUITY_WINDOW_PAGE_EXPLORE, "explore", equity_explore_page_get_type,
    G_STRUCT_OFFSET (EquityWindow, explore_slot), G_STRUCT_OFFSET (EquityWindow, explore_page) },
  { EQUITY_WINDOW_PAGE_SCAN, "scan", equity_scan_page_get_type,
    G_STRUCT_OFFSET (EquityWindow, scan_slot), G_STRUCT_OFFSET (EquityWindow, scan_page) },
  { EQUITY_WINDOW_PAGE_INDICATORS, "indicators", equity_indicators_page_get_type,
    G_STRUCT_OFFSET (EquityWindow, indicators_slot), G_STRUCT_OFFSET (EquityWindow, indicators_page) },
  { EQUITY_WINDOW_PAGE_ASSESSMENTS, "assessments", equity_assessments_page_get_type,
    G_STRUCT_OFFSET (EquityWindow, assessments_slot), G_STRUCT_OFFSET (EquityWindow, assessments_page) },
  { EQUITY_WINDOW_PAGE_ACTION_PLAN, "action-plan", equity_action_plan_page_get_type,
    G_STRUCT_OFFSET (EquityWindow, action_plan_slot), G_STRUCT_OFFSET (EquityWindow, action_plan_page) },
};

static const PageInfo *
find_page (EquityWindowPage page)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (pages[i].page == page)
      return &pages[i];
  g_assert_not_reached ();
}

static GtkWidget **
page_widget (EquityWindow   *self,
             const PageInfo *info)
{
  return G_STRUCT_MEMBER_P (self, info->widget);
}

static gboolean
page_is_visible (EquityWindow   *self,
                 const PageInfo *info)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), info->name) == 0;
}

/* A page's actions work only while it is shown; Explore's also need a
 * project. */
static void
set_page_shown (EquityWindow   *self,
                const PageInfo *info)
{
  GtkWidget *widget = *page_widget (self, info);
  gboolean shown = page_is_visible (self, info);

  switch (info->page)
    {
    case EQUITY_WINDOW_PAGE_EXPLORE:
      equity_explore_page_set_shown (EQUITY_EXPLORE_PAGE (widget), shown && self->project != NULL);
      break;

    case EQUITY_WINDOW_PAGE_SCAN:
      break;

    case EQUITY_WINDOW_PAGE_INDICATORS:
      equity_indicators_page_set_shown (EQUITY_INDICATORS_PAGE (widget), shown);
      break;

    case EQUITY_WINDOW_PAGE_ASSESSMENTS:
      equity_assessments_page_set_shown (EQUITY_ASSESSMENTS_PAGE (widget), shown);
      break;

    case EQUITY_WINDOW_PAGE_ACTION_PLAN:
      equity_action_plan_page_set_shown (EQUITY_ACTION_PLAN_PAGE (widget), shown);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* the group the window's menus and shortcuts reach the page's actions by */
static void
insert_page_actions (EquityWindow   *self,
                     const PageInfo *info)
{
  GtkWidget *widget = *page_widget (self, info);

  switch (info->page)
    {
    case EQUITY_WINDOW_PAGE_EXPLORE:
      gtk_widget_insert_action_group (GTK_WIDGET (self), "explore",
                                      equity_explore_page_get_actions (EQUITY_EXPLORE_PAGE (widget)));
      break;

    case EQUITY_WINDOW_PAGE_SCAN:
      break;

    case EQUITY_WINDOW_PAGE_INDICATORS:
      gtk_widget_insert_action_group (GTK_WIDGET (self), "indicators",
                                      equity_indicators_page_get_actions (EQUITY_INDICATORS_PAGE (widget)));
      break;

    case EQUITY_WINDOW_PAGE_ASSESSMENTS:
      gtk_widget_insert_action_group (GTK_WIDGET (self), "assessments",
                                      equity_assessments_page_get_actions (EQUITY_ASSESSMENTS_PAGE (widget)));
      break;

    case EQUITY_WINDOW_PAGE_ACTION_PLAN:
      gtk_widget_insert_action_group (GTK_WIDGET (self), "plan",
                                      equity_action_plan_page_get_actions (EQUITY_ACTION_PLAN_PAGE (widget)));
      break;

    default:
      g_assert_not_reached ();
    }
}

GtkWidget *
_equity_window_get_page (EquityWindow     *self,
                         EquityWindowPage  page)
{
  const PageInfo *info = find_page (page);
  GtkWidget **widget = page_widget (self, info);

  g_assert (EQUITY_IS_WINDOW (self));

  if (*widget != NULL)
    return *widget;

  /* the slot owns the page; the window's pointer goes with the template's */
  *widget = g_object_new (info->get_type (), NULL);
  adw_bin_set_child (G_STRUCT_MEMBER (AdwBin *, self, info->slot), *widget);
  insert_page_actions (self, info);
  if (page == EQUITY_WINDOW_PAGE_EXPLORE || page == EQUITY_WINDOW_PAGE_SCAN)
    _equity_window_explore_page_built (self, page);
  set_page_shown (self, info);

  return *widget;
}

static void
set_page_project (EquityWindow     *self,
                  EquityWindowPage  page,
                  EquityProject    *project)
{
  GtkWidget *widget = _equity_window_get_page (self, page);

  switch (page)
    {
    case EQUITY_WINDOW_PAGE_EXPLORE:
      equity_explore_page_set_project (EQUITY_EXPLORE_PAGE (widget), project);
      break;

    case EQUITY_WINDOW_PAGE_SCAN:
      equity_scan_page_set_project (EQUITY_SCAN_PAGE (widget), project);
      break;

    case EQUITY_WINDOW_PAGE_INDICATORS:
      equity_indicators_page_set_project (EQUITY_INDICATORS_PAGE (widget), project);
      break;

    case EQUITY_WINDOW_PAGE_ASSESSMENTS:
      equity_assessments_page_set_project (EQUITY_ASSESSMENTS_PAGE (widget), project);
      break;

    case EQUITY_WINDOW_PAGE_ACTION_PLAN:
      equity_action_plan_page_set_project (EQUITY_ACTION_PLAN_PAGE (widget), project);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_equity_window_bind_page (EquityWindow     *self,
                          EquityWindowPage  page)
{
  g_assert (EQUITY_IS_WINDOW (self));

  if (self->project == NULL || (self->bound_pages & page) != 0)
    return;

  self->bound_pages |= page;
  set_page_project (self, page, self->project);
}

void
_equity_window_unbind_pages (EquityWindow *self)
{
  g_assert (EQUITY_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if ((self->bound_pages & pages[i].page) != 0)
      set_page_project (self, pages[i].page, NULL);
  self->bound_pages = 0;
}

/* the page shown is built and given the project before anything else hears
 * of it */
void
_equity_window_bind_visible_page (EquityWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (page_is_visible (self, &pages[i]))
      {
        _equity_window_get_page (self, pages[i].page);
        _equity_window_bind_page (self, pages[i].page);
      }
}

static void
update_explore_shown (EquityWindow *self)
{
  if (self->explore_page != NULL)
    set_page_shown (self, find_page (EQUITY_WINDOW_PAGE_EXPLORE));
}

static void
update_pages_shown (EquityWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (*page_widget (self, &pages[i]) != NULL)
      set_page_shown (self, &pages[i]);
}

void
_equity_window_init_pages (EquityWindow *self)
{
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (_equity_window_bind_visible_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (update_pages_shown), self, G_CONNECT_SWAPPED);
  /* Explore's actions also follow the project */
  g_signal_connect_object (self, "notify::project",
                           G_CALLBACK (update_explore_shown), self, G_CONNECT_SWAPPED);
}
