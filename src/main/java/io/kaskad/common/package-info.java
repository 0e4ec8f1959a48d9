/**
 * Small types shared by every module (exceptions that the web layer maps to HTTP answers).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.kaskad.common;
