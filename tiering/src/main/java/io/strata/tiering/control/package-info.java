/**
 * What the admin API asks of tiering: volumes, policies, moves and placement, as interfaces and plain records. The
 * HTTP layer (server module) translates JSON to and from these and never reaches past them.
 */
package io.strata.tiering.control;
