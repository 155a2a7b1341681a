/** Demo mode: a brand with a realistic week of Dutch and English conversations, so a newcomer sees a living inbox. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.webcare.demo;
