/**
 * Companies (tenants), their users and API keys, login and the security of the portal and the API.
 * Every read and write of a company's data takes the company id as a parameter, so that no
 * caller can reach another company's records by guessing ids.
 */
package io.kaskad.account;
