/**
 * The portal's frame: layout, dashboard, error pages, i18n, htmx helpers, and the API's
 * {@code application/problem+json} error answers.
 */
package io.kaskad.web;
