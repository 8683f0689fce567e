// PKCS#11 (OASIS, version 2.40) types and function list, as Debian's libp11-kit-dev ships them.
// Only the header: the module (libsofthsm2.so, a vendor's token library) is loaded with dlopen.
#include <p11-kit/pkcs11.h>
